import { demoIds } from '../../local/demo'
import type { TicketView } from '../../types'
import { P, XINGFU, as, ok } from '../support/world'

export const PHOTO = 'cloud://env/tickets/after.png'
/** 1栋1单元: 王秀英's own stairwell, in 第一网格 (张伟, leader 刘芳). */
export const CODE_B1U1 = demoIds.unitCode(XINGFU, 1, 1)
export const CODE_B1U2 = demoIds.unitCode(XINGFU, 1, 2)
/** 4栋: 第二网格 (黄丽). */
export const CODE_B4U2 = demoIds.unitCode(XINGFU, 4, 2)

let n = 0
export const reqId = () => `req-test-${String(++n).padStart(4, '0')}`

export async function report(openid: string = P.resident, over: Partial<{ placeCode: string; category: string; text: string; anonymous: boolean; photos: string[] }> = {}): Promise<TicketView> {
  return ok(await as(openid)('tickets', 'submit', { requestId: reqId(), placeCode: CODE_B1U1, category: 'sanitation', text: '楼道堆满杂物', ...over }))
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
