import { z } from 'zod'
import { action, communityId, defineFunction, id, page, returns, type Listing } from './core'
import { NOTICE_KINDS, NOTICE_SCOPES, type NoticeKind, type NoticeScope } from './noticeLabels'
import { ORGANISERS, ROLES } from './roles'

/** Notices: 党务、居务、财务公开 and general notices, to the community, a grid or chosen buildings, with read counts. */
export * from './noticeLabels'

export interface NoticeSummary {
  id: string
  kind: NoticeKind
  kindLabel: string
  title: string
  excerpt: string
  pinned: boolean
  /** "全社区", the grid's name or the buildings' names */
  audienceLabel: string
  publishedAt: string
  expiresAt: string | null
  publishedBy: string
  /** the caller has not opened it yet */
  unread: boolean
  /** unique readers: staff only */
  readers: number | null
}

export interface NoticeView extends NoticeSummary {
  communityId: string
  body: string
  images: string[]
  files: { fileID: string; name: string }[]
  audience: { scope: NoticeScope; gridIds: string[]; buildingIds: string[] }
  withdrawn: boolean
  /** the caller may withdraw it */
  canWithdraw: boolean
  /** content security, present once the check held it: residents see it only once 'published' */
  moderation?: 'pending' | 'published' | 'rejected'
}

const fileId = () =>
  z
    .string()
    .trim()
    .regex(/^cloud:\/\/[^\s]{1,300}$/, '附件地址不正确')

export const noticesContract = defineFunction('notices', {
  list: action({
    summary: '给我的公告（置顶在前，新的在前，标出未读）；工作人员另见阅读人数',
    input: z.object({ communityId: communityId(), kind: z.enum(NOTICE_KINDS).optional(), ...page().shape }).strict(),
    output: returns<Listing<NoticeSummary>>(),
    access: ROLES,
  }),
  get: action({
    summary: '公告全文（打开即记为已读）',
    input: z.object({ noticeId: id() }).strict(),
    output: returns<NoticeView>(),
    access: ROLES,
  }),
  publish: action({
    summary: '发布公告：党务、居务、财务公开或通知，发给全社区、一个网格或选定楼栋',
    input: z
      .object({
        communityId: communityId(),
        requestId: z
          .string()
          .trim()
          .regex(/^[A-Za-z0-9_-]{8,64}$/, '请求编号格式不正确'),
        kind: z.enum(NOTICE_KINDS),
        title: z.string().trim().min(1, '请填写标题').max(60, '标题不能超过60个字'),
        body: z.string().trim().min(1, '请填写正文').max(10000, '正文不能超过10000个字'),
        images: z.array(fileId()).max(9, '最多9张图片').default([]),
        files: z
          .array(
            z
              .object({
                fileID: fileId(),
                name: z
                  .string()
                  .trim()
                  .min(1)
                  .max(80)
                  .regex(/\.pdf$/i, '附件只能是 PDF'),
              })
              .strict(),
          )
          .max(5, '最多5个附件')
          .default([]),
        audience: z
          .object({ scope: z.enum(NOTICE_SCOPES), gridIds: z.array(id()).max(20).default([]), buildingIds: z.array(id()).max(100).default([]) })
          .strict()
          .refine((a) => a.scope !== 'grid' || a.gridIds.length === 1, { message: '请选择一个网格', path: ['gridIds'] })
          .refine((a) => a.scope !== 'buildings' || a.buildingIds.length > 0, { message: '请至少选择一栋楼', path: ['buildingIds'] }),
        pinned: z.boolean().default(false),
        expiresAt: z.iso.datetime({ offset: true, message: '时间格式不正确' }).optional(),
      })
      .strict(),
    output: returns<NoticeView>(),
    access: ORGANISERS,
  }),
  withdraw: action({
    summary: '撤下公告',
    input: z.object({ noticeId: id() }).strict(),
    output: returns<NoticeView>(),
    access: ORGANISERS,
  }),
})
