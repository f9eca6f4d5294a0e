import { z } from 'zod'
import { action, defineFunction, returns, id, communityId } from './core'

export interface QrSheetResult {
  fileID: string
  url: string
  units: number
  pages: number
}

export interface MiniCodeResult {
  fileID: string
  url: string
  /** what the code carries: the place code, read back by the report page from `query.scene` */
  scene: string
}

const staff = ['community_staff', 'branch_secretary', 'street_staff'] as const

/**
 * Printing stairwell codes. A function of its own: the PDF renderer and its Chinese font weigh megabytes that
 * the everyday functions should not load on every cold start.
 */
export const qrcodesContract = defineFunction('qrcodes', {
  sheet: action({
    summary: '生成可打印的楼道码（A4 PDF）',
    input: z.object({ communityId: communityId(), buildingId: id().optional() }).strict(),
    output: returns<QrSheetResult>(),
    access: staff,
  }),
  miniCode: action({
    summary: '生成某单元的小程序码（wxacode.getUnlimited）',
    input: z.object({ unitId: id() }).strict(),
    output: returns<MiniCodeResult>(),
    access: staff,
  }),
})
