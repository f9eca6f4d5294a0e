import { z } from 'zod'
import { action, communityId, defineFunction, id, page, returns, type Paged } from './core'
import type { ModerationKind, ModerationStatus } from './models'
import { ORGANISERS } from './roles'

/**
 * The moderation queue: user content WeChat's content check answered 'review' for (cloudfunctions/_core/contentCheck.ts)
 * waits here, hidden from the public, until staff publish it or keep it hidden with a reason.
 */
export const MODERATION_KIND_LABELS: Record<ModerationKind, string> = { ticket: '报事', objection: '异议', notice: '公告' }
export const MODERATION_STATUS_LABELS: Record<ModerationStatus, string> = { pending: '待审核', published: '已公开', rejected: '不予公开' }

export interface ModerationItemView {
  id: string
  kind: ModerationKind
  kindLabel: string
  /** the ticket, objection or notice the content belongs to */
  refId: string
  text: string
  images: string[]
  byName: string
  status: ModerationStatus
  statusLabel: string
  reason: string | null
  decidedByName: string | null
  decidedAt: string | null
  /** image checks whose verdict has not arrived yet */
  awaitingImages: number
  createdAt: string
}

export const moderationContract = defineFunction('moderation', {
  list: action({
    summary: '待审核的内容（待审核在前，先来先审），及已审核的记录',
    input: z.object({ communityId: communityId(), status: z.enum(['pending', 'all']).default('all'), ...page().shape }).strict(),
    output: returns<Paged<ModerationItemView>>(),
    access: ORGANISERS,
  }),
  decide: action({
    summary: '审核：公开，或不予公开（须说明理由）',
    input: z
      .object({ itemId: id(), publish: z.boolean(), reason: z.string().trim().max(200, '不能超过200个字').default('') })
      .strict()
      .refine((v) => v.publish || v.reason.length > 0, { message: '不予公开时请填写理由', path: ['reason'] }),
    output: returns<ModerationItemView>(),
    access: ORGANISERS,
  }),
})

export type ModerationContract = typeof moderationContract
