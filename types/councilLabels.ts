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

/**
 * What a matter is, which decides who votes and by which rule. A community matter goes to the residents' meeting (or
 * its representatives); an owners' matter names its item of Civil Code art. 278, and the rule follows from the item:
 * items (6)–(8) need three-quarters, all others more than half — staff cannot count an owners' vote under a lower rule.
 */
export const MATTER_KINDS = ['community', 'art278_1', 'art278_2', 'art278_3', 'art278_4', 'art278_5', 'art278_6', 'art278_7', 'art278_8', 'art278_9'] as const
export type MatterKind = (typeof MATTER_KINDS)[number]
export const MATTER_KIND_LABELS: Record<MatterKind, string> = {
  community: '社区公共事务（居民会议决定）',
  art278_1: '制定和修改业主大会议事规则（民法典第278条第1项）',
  art278_2: '制定和修改管理规约（第2项）',
  art278_3: '选举业主委员会或者更换业主委员会成员（第3项）',
  art278_4: '选聘和解聘物业服务企业或者其他管理人（第4项）',
  art278_5: '使用建筑物及其附属设施的维修资金（第5项）',
  art278_6: '筹集建筑物及其附属设施的维修资金（第6项）',
  art278_7: '改建、重建建筑物及其附属设施（第7项）',
  art278_8: '改变共有部分的用途或者利用共有部分从事经营活动（第8项）',
  art278_9: '有关共有和共同管理权利的其他重大事项（第9项）',
}
/** Items (6)–(8) of art. 278: three-quarters of participating area and owners. */
export const ART278_MAJOR: readonly MatterKind[] = ['art278_6', 'art278_7', 'art278_8']
export const isOwnersMatter = (k: MatterKind | undefined | null): boolean => !!k && k !== 'community'

/** Who may vote: fixed when the vote opens. */
export const ROLL_KINDS = ['residents', 'representatives', 'party_members', 'owners'] as const
export type RollKind = (typeof ROLL_KINDS)[number]
export const ROLL_KIND_LABELS: Record<RollKind, string> = {
  residents: '全体居民（按户籍登记）',
  representatives: '居民代表',
  party_members: '党员',
  owners: '业主（按专有部分）',
}

/**
 * What one ballot stands for: a person (residents over 18, representatives, party members), a household (one
 * representative per household on the register) or an owner (all of that owner's exclusive units in the matter's
 * buildings, however many).
 */
export const VOTE_UNITS = ['person', 'household', 'owner'] as const
export type VoteUnit = (typeof VOTE_UNITS)[number]
export const VOTE_UNIT_LABELS: Record<VoteUnit, string> = { person: '一人一票', household: '一户一票', owner: '一位业主一票（面积合计）' }
/** How the roll's size is said: "应参加 N 人 / 户 / 位业主". */
export const VOTE_UNIT_NOUNS: Record<VoteUnit, string> = { person: '人', household: '户', owner: '位业主' }

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

/** The rule a matter's vote must use: it follows from the matter's kind and the stage, never from a choice. */
export const ruleFor = (kind: MatterKind | undefined | null, stage: 'review' | 'resolution'): VoteRule => {
  if (stage === 'review' || !isOwnersMatter(kind)) return 'meeting'
  return ART278_MAJOR.includes(kind as MatterKind) ? 'art278_major' : 'art278_ordinary'
}

/** The rolls a stage may use for a matter of this kind. */
export const rollsFor = (kind: MatterKind | undefined | null, stage: 'review' | 'resolution'): readonly RollKind[] =>
  stage === 'review' ? ['party_members'] : isOwnersMatter(kind) ? ['owners'] : ['residents', 'representatives']

/** The ballot units a roll may use. */
export const unitsFor = (rollKind: RollKind): readonly VoteUnit[] =>
  rollKind === 'owners' ? ['owner'] : rollKind === 'residents' ? ['person', 'household'] : ['person']

/**
 * Paper ballots in one printed file at most (qrcodes.ballots): a larger roll is printed in batches by number, so one
 * file stays well inside the printing function's time and memory.
 */
export const BALLOTS_PER_FILE = 5000

/** The batches of numbers a roll's ballots print in: [1, 5000], [5001, 9000]… */
export const ballotBatches = (rollCount: number): [number, number][] =>
  Array.from({ length: Math.ceil(rollCount / BALLOTS_PER_FILE) }, (_, i) => [i * BALLOTS_PER_FILE + 1, Math.min(rollCount, (i + 1) * BALLOTS_PER_FILE)])
