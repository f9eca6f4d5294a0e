import { photosOf, DEFAULT_TICKET_SETTINGS, ticketSettings, withoutPhotos } from '../_core/domain/ticketRules'
import { storage } from '../_core/cloud'
import { allCommunitySettings } from '../_core/repos/places'
import { endedWithPhotosBefore, saveTicket } from '../_core/repos/tickets'

const DAY = 86_400_000

export interface RetentionReport {
  checked: number
  purged: number
  photos: number
}

/**
 * Photos of tickets that ended longer ago than their community keeps them (community setting `photoRetentionDays`,
 * default two years) are deleted from storage and from the ticket, whose record stays. A batch per run: the timer
 * comes back every five minutes. Tickets without photos are marked checked too, so no run reads them again.
 */
export async function purgeOldPhotos(now: Date, batch = 100): Promise<RetentionReport> {
  const communities = await allCommunitySettings()
  const keep = new Map(communities.map((c) => [c._id, ticketSettings(c.settings).photoRetentionDays]))
  const shortest = Math.min(DEFAULT_TICKET_SETTINGS.photoRetentionDays, ...keep.values())
  const report: RetentionReport = { checked: 0, purged: 0, photos: 0 }
  const at = now.toISOString()
  for (const t of await endedWithPhotosBefore(new Date(now.getTime() - shortest * DAY).toISOString(), batch)) {
    report.checked++
    const days = keep.get(t.communityId) ?? DEFAULT_TICKET_SETTINGS.photoRetentionDays
    if (!t.closedAt || Date.parse(t.closedAt) > now.getTime() - days * DAY) continue
    const photos = photosOf(t)
    // files first: a ticket still naming a deleted photo is mended by the next run, while a photo no ticket named
    // any more would never be found again
    await storage.deleteFile(photos)
    if (await saveTicket(t, withoutPhotos(t, at))) {
      report.purged += photos.length ? 1 : 0
      report.photos += photos.length
    }
  }
  return report
}
