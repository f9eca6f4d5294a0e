import { z } from 'zod'
import { action, defineFunction, returns, id, communityId } from './core'
import { certificatePrintActions } from './certificates'
import { ORGANISERS, STAFF } from './roles'

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

/** A printed paper of a vote's roll (ballots or the sign-in sheet), stored privately and reached through a short-lived link. */
export interface RollPaperResult {
  fileID: string
  url: string
  voteId: string
  /** entries on the roll, each printed once: one ballot, one row */
  entries: number
  pages: number
  /** the first and the last number printed ("001" … "291"), as paper entry shows and finds them */
  firstNo: string
  lastNo: string
}

export interface BallotsResult extends RollPaperResult {
  /** ballots per A4 page: 2 (A5 halves, cut along the dashed line) when one fits, else 1 */
  perPage: 1 | 2
  /** a secret ballot prints the number only: no name, room, area or signature */
  secret: boolean
}

export interface SignInSheetResult extends RollPaperResult {
  /** area of the roll in m² (owners' votes counted by area; 0 otherwise), the figure printed as its total */
  area: number
}

export interface MiniCodeResult {
  fileID: string
  url: string
  /** what the code carries: the place code, read back by the report page from `query.scene` */
  scene: string
}

/** Who enters paper ballots (council.enterPaperVote) is who prints them and the roll's sign-in sheet. */
/** The matter whose vote is printed: its active vote, from the opening (a scheduled one too) until it closes. */
const matterId = () => z.string({ error: '请指定议题' }).pipe(id())
const ballotNumber = (which: string) =>
  z
    .number({ error: `${which}须是数字` })
    .int(`${which}须是整数`)
    .min(1, `${which}从1开始`)
    .max(1_000_000, `${which}过大`)

/**
 * Printing: stairwell codes, bind notices, and a vote's paper ballots and sign-in sheet. A function of its own: the
 * PDF renderer and its Chinese font weigh megabytes that the everyday functions should not load on every cold start.
 */
export const qrcodesContract = defineFunction('qrcodes', {
  sheet: action({
    summary: '生成可打印的楼道码（A4 PDF）',
    input: z.object({ communityId: communityId(), buildingId: id().optional() }).strict(),
    output: returns<QrSheetResult>(),
    access: STAFF,
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
    access: STAFF,
  }),
  ballots: action({
    summary: '打印纸质选票（A4 PDF）：表决名单上每人（户、位业主）一张，票号与纸质票录入的编号一致；可按票号分批或补打',
    input: z
      .object({
        matterId: matterId(),
        /** the first and last number to print (default: the whole roll); at most BALLOTS_PER_FILE in one file */
        from: ballotNumber('起始票号').optional(),
        to: ballotNumber('结束票号').optional(),
      })
      .strict()
      .refine((v) => v.from === undefined || v.to === undefined || v.from <= v.to, { message: '起始票号不能大于结束票号', path: ['to'] }),
    output: returns<BallotsResult>(),
    access: ORGANISERS,
  }),
  signInSheet: action({
    summary: '打印线下会议签到表（A4 PDF）：名单的编号、房号、姓名、面积和签名栏，每页页码与合计',
    input: z.object({ matterId: matterId() }).strict(),
    output: returns<SignInSheetResult>(),
    access: ORGANISERS,
  }),
  miniCode: action({
    summary: '生成某单元的小程序码（wxacode.getUnlimited）',
    input: z.object({ unitId: id() }).strict(),
    output: returns<MiniCodeResult>(),
    access: STAFF,
  }),
  // 志愿服务证明 (types/certificates.ts)
  ...certificatePrintActions,
})
