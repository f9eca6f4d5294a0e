import { z } from 'zod'
import { action, defineFunction, returns, id, communityId } from './core'

export interface QrSheetResult {
  fileID: string
  url: string
  units: number
  pages: number
}

export interface BindNoticesResult {
  fileID: string
  url: string
  households: number
  pages: number
  expiresAt: string
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
  bindNotices: action({
    summary: '为住户生成新的绑定码并打印绑定通知（旧码同时作废；码只印在通知上）',
    input: z
      .object({
        communityId: communityId(),
        buildingId: id().optional(),
        householdIds: z.array(id()).min(1).max(500, '一次最多500户').optional(),
        validDays: z.number().int().min(1).max(365).default(60),
      })
      .strict(),
    output: returns<BindNoticesResult>(),
    access: staff,
  }),
  miniCode: action({
    summary: '生成某单元的小程序码（wxacode.getUnlimited）',
    input: z.object({ unitId: id() }).strict(),
    output: returns<MiniCodeResult>(),
    access: staff,
  }),
})
