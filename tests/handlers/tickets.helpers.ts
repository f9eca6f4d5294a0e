import { demoIds } from '../../local/demo'
import { openTicket } from '../../cloudfunctions/_core/domain/ticketRules'
import { DEFAULT_TICKET_CATEGORIES, type TicketDoc, type TicketView } from '../../types'
import { rid } from '../support/requestIds'
import { P, XINGFU, as, ok, upload } from '../support/world'

/** 张伟's after photo, as he uploaded it. */
export const PHOTO = upload(P.gridMember, 'tickets/after.png')
/** 1栋1单元: 王秀英's own stairwell, in 第一网格 (张伟, leader 刘芳). */
export const CODE_B1U1 = demoIds.unitCode(XINGFU, 1, 1)
export const CODE_B1U2 = demoIds.unitCode(XINGFU, 1, 2)
/** 4栋: 第二网格 (黄丽). */
export const CODE_B4U2 = demoIds.unitCode(XINGFU, 4, 2)

export async function report(
  openid: string = P.resident,
  over: Partial<{ placeCode: string; category: string; text: string; anonymous: boolean; photos: string[] }> = {},
): Promise<TicketView> {
  return ok(await as(openid)('tickets', 'submit', { requestId: rid('ticket'), placeCode: CODE_B1U1, category: 'sanitation', text: '楼道堆满杂物', ...over }))
}

/** A ticket 张伟 has accepted. */
export async function accepted(): Promise<TicketView> {
  const t = await report()
  return ok(await as(P.gridMember)('tickets', 'accept', { ticketId: t.id }))
}

/** A ticket 张伟 has resolved with a note and an after photo. */
export async function resolved(): Promise<TicketView> {
  const t = await accepted()
  return ok(await as(P.gridMember)('tickets', 'resolve', { ticketId: t.id, note: '已清理干净', photos: [PHOTO] }))
}

/**
 * A ticket as the report form would open it, for tests that write tickets straight to the database: 王秀英 reports
 * from stairwell `unit` of building `building` of a demo community (第一网格 unless `gridId` says otherwise).
 */
export function demoTicket(
  id: string,
  at: Date,
  over: { communityId?: string; building?: number; unit?: number; gridId?: string; category?: string; text?: string } = {},
): TicketDoc {
  const c = over.communityId ?? XINGFU
  const b = over.building ?? 1
  const u = over.unit ?? 1
  const category = DEFAULT_TICKET_CATEGORIES.find((x) => x.key === over.category) ?? DEFAULT_TICKET_CATEGORIES[0]
  return openTicket(
    {
      _id: id,
      communityId: c,
      streetId: 'st-chunhui',
      gridId: over.gridId ?? demoIds.grid(c, 0),
      buildingId: demoIds.building(c, b),
      unitId: demoIds.unit(c, b, u),
      placeCode: demoIds.unitCode(c, b, u),
      placeLabel: `${b}栋 ${u}单元`,
      category,
      text: over.text ?? '楼道灯坏了',
      photos: [],
      reporterOpenid: P.resident,
      reporterName: '王秀英',
      reporterPhone: null,
      reporterHouseholdId: null,
      anonymous: false,
      filedBy: null,
    },
    'resident',
    at,
  )
}
