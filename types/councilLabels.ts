/**
 * Council (四议两公开) names and labels, free of zod so the mini-program can import the values.
 */

/** The procedure's stages in their order; none may be skipped. */
export const COUNCIL_STAGES = ['proposal', 'deliberation', 'review', 'resolution', 'publicity', 'implementation'] as const
export type CouncilStage = (typeof COUNCIL_STAGES)[number]

export const COUNCIL_STAGE_LABELS: Record<CouncilStage, string> = {
  proposal: '党组织提议',
  deliberation: '两委商议',
  review: '党员大会审议',
  resolution: '居民（代表）会议决议',
  publicity: '决议公开',
  implementation: '实施结果公开',
}

/** Where a matter stands: the stage it waits for, or how it ended. */
export const MATTER_STATES = ['deliberation', 'review', 'resolution', 'publicity', 'implementation', 'done', 'rejected', 'withdrawn'] as const
export type MatterState = (typeof MATTER_STATES)[number]

export const MATTER_STATE_LABELS: Record<MatterState, string> = {
  deliberation: '待两委商议',
  review: '待党员大会审议',
  resolution: '待居民会议决议',
  publicity: '待决议公开',
  implementation: '决议已公开，待公开实施结果',
  done: '已办结',
  rejected: '未通过',
  withdrawn: '已撤回',
}

/** Who may vote: fixed when the vote opens. */
export const ROLL_KINDS = ['residents', 'representatives', 'party_members', 'owners'] as const
export type RollKind = (typeof ROLL_KINDS)[number]
export const ROLL_KIND_LABELS: Record<RollKind, string> = {
  residents: '全体居民',
  representatives: '居民代表',
  party_members: '党员',
  owners: '业主（按户）',
}

export const VOTE_UNITS = ['person', 'household'] as const
export type VoteUnit = (typeof VOTE_UNITS)[number]
export const VOTE_UNIT_LABELS: Record<VoteUnit, string> = { person: '一人一票', household: '一户一票' }

/**
 * Counting rules. `meeting`: more than half of the roll takes part, passes with more than half of those taking part
 * (城市居民委员会组织法). `art278_ordinary` / `art278_major`: Civil Code art. 278 — at least ⅔ of owners by count and by
 * floor area take part; passes with more than ½ (ordinary) or at least ¾ (major) of participants by count and by area.
 */
export const VOTE_RULES = ['meeting', 'art278_ordinary', 'art278_major'] as const
export type VoteRule = (typeof VOTE_RULES)[number]
export const VOTE_RULE_LABELS: Record<VoteRule, string> = {
  meeting: '会议表决（过半数参加，参加者过半数同意）',
  art278_ordinary: '业主一般事项（民法典第278条：双三分之二参与，双过半同意）',
  art278_major: '业主重大事项（民法典第278条：双三分之二参与，双四分之三同意）',
}
