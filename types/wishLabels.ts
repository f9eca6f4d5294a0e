/**
 * 微心愿 (small wishes) labels and limits, free of zod so the mini-program can import the values without carrying zod
 * in its bundle. The rules are in cloudfunctions/_core/domain/wishes.ts.
 */

/**
 * pending → (staff approve) open → (a volunteer claims) claimed → (the claimant marks it done) done → (the requester or
 * staff confirm) confirmed. A claim not done within the community's `wishClaimDays` lapses back to open, as does one
 * the claimant withdraws. Staff may reject a pending wish; the requester or staff may cancel one not yet done.
 */
export const WISH_STATES = ['pending', 'open', 'claimed', 'done', 'confirmed', 'rejected', 'cancelled'] as const
export type WishState = (typeof WISH_STATES)[number]

export const WISH_STATE_LABELS: Record<WishState, string> = {
  pending: '待审核',
  open: '待认领',
  claimed: '已认领',
  done: '待确认',
  confirmed: '已完成',
  rejected: '未通过',
  cancelled: '已撤销',
}

/** How near a wish is to the volunteer's own home: what the list puts first. */
export type WishNear = 'unit' | 'building' | 'grid'
export const WISH_NEAR_LABELS: Record<WishNear, string> = { unit: '同单元', building: '同楼栋', grid: '同网格' }

/** Days a claim may stay undone before it lapses (community setting `wishClaimDays`). */
export const WISH_CLAIM_DAYS_DEFAULT = 3
export const WISH_CLAIM_DAYS_MAX = 30
/** Service hours one wish can credit: a small personal need, not a day's work. */
export const WISH_MAX_HOURS = 8
/** Hours are entered in half hours. */
export const WISH_HOURS_STEP = 0.5
/** How far ahead a wish may ask for help. */
export const WISH_AHEAD_DAYS = 60

export const WISH_ERROR_MESSAGES = {
  'WISH.NOT_FOUND': '没有找到这个微心愿',
  'WISH.INVALID_STATE': '这个微心愿现在不能进行此操作，请刷新后再看',
  'WISH.NO_HOUSEHOLD': '请先绑定您在本社区的住户：心愿会标明在哪栋楼附近，不用填写地址',
  'WISH.HOUSEHOLD_NOT_YOURS': '只能选择您自己绑定的住户',
  'WISH.MEMBER_NOT_FOUND': '没有在本社区的住户名册中找到这位居民',
  'WISH.NOT_A_VOLUNTEER': '认领微心愿需是本社区的志愿者（报名过社区的志愿服务活动）或党员（含到社区报到的在职党员）',
  'WISH.OWN': '不能认领自己的心愿',
  'WISH.ALREADY_CLAIMED': '这个心愿已经有志愿者认领了，看看别的心愿吧',
  'WISH.NOT_CLAIMANT': '只有认领这个心愿的志愿者可以进行此操作',
  'WISH.CLAIM_EXPIRED': '认领已超过期限，心愿已重新开放认领',
  'WISH.HOURS_INVALID': '服务时长不能多于认领以来的时间，也不能超过8小时',
  'WISH.HOURS_REASON_REQUIRED': '更改志愿者填写的服务时长，须说明理由',
  'WISH.WHEN_INVALID': '希望帮忙的时间须在今后60天之内',
  'WISH.NO_PHONE': '对方没有留下电话，请联系社区转达',
} as const
