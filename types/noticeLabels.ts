/** Notice kinds (三务公开 and general notices), free of zod so the mini-program can import the values. */
export const NOTICE_KINDS = ['party', 'residents', 'finance', 'general'] as const
export type NoticeKind = (typeof NOTICE_KINDS)[number]

export const NOTICE_KIND_LABELS: Record<NoticeKind, string> = {
  party: '党务公开',
  residents: '居务公开',
  finance: '财务公开',
  general: '通知公告',
}

export const NOTICE_SCOPES = ['community', 'grid', 'buildings'] as const
export type NoticeScope = (typeof NOTICE_SCOPES)[number]
