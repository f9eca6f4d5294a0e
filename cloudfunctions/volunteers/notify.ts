import type { VolunteerActivityDoc } from '../../types'
import { outboxEntry, type OutboxDoc } from '../_core/outbox'

/** The entry telling a waitlisted person they now hold a place (written in the roster's transaction). */
export const promotionNotice = (id: string, a: VolunteerActivityDoc, to: string, at: string): OutboxDoc => ({
  ...outboxEntry({
    to,
    kind: 'volunteerPromoted',
    ticketId: '',
    activityId: a._id,
    communityId: a.communityId,
    page: `packages/volunteer/pages/activity/index?id=${a._id}`,
    payload: { state: '报名成功', category: a.title, place: a.place },
    createdAt: at,
  }),
  _id: id,
})
