import type { SheetFile } from '../../types'
import { storage } from '../_core/cloud'
import { newId } from '../_core/ids'
import { shanghai } from '../_core/time'

/** 20261122 on Shanghai's calendar, for file names. */
export const dayStamp = (now: Date): string => shanghai(now).format('YYYYMMDD')

/** A file name any phone or computer keeps: no path separators or characters Windows refuses. */
const safeName = (name: string) => name.replace(/[\\/:*?"<>|\s]+/g, '-').slice(0, 80)

/**
 * Stores a workbook as the other exports are stored: privately, under a random name in the community's (or street's)
 * folder, handed out as a temp link valid 15 minutes — who did what is not for anyone holding an old or guessed URL.
 */
export async function storeWorkbook(scopeId: string, title: string, content: Buffer, rows: number, now: Date): Promise<SheetFile> {
  const { fileID } = await storage.uploadFile({ cloudPath: `private/exports/${scopeId}/${newId()}.xlsx`, fileContent: content })
  const [file] = await storage.getTempFileURL([fileID])
  return { fileID, url: file?.tempFileURL ?? '', filename: `${safeName(`${title}-${dayStamp(now)}`)}.xlsx`, rows }
}
