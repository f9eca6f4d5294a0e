import type { VoteChoice, VoteDoc, VoteTally } from '../../../types'

/**
 * Counting rules, pure. All quantities are integers (people, households, floor area in 0.01 m²), and every threshold is
 * compared by cross-multiplication, so "exactly two-thirds" is decided exactly, never by a rounded float.
 *
 * Chinese legal wording decides the edges: "过半数" (more than half) excludes exactly one half; "三分之二以上" and
 * "四分之三以上" (two-thirds / three-quarters "or more") include the fraction itself.
 */

export interface Figure {
  key: string
  label: string
  value: number
  of: number
  threshold: string
  met: boolean
}

export interface VoteResult {
  passed: boolean
  /** the approving choice that carried, if any */
  adopted: string | null
  figures: Figure[]
}

/** value / of > n / d */
const moreThan = (value: number, of: number, n: number, d: number) => value * d > of * n
/** value / of ≥ n / d */
const atLeast = (value: number, of: number, n: number, d: number) => of > 0 && value * d >= of * n

type Rule = VoteDoc['rule']

/** The figures of a closed vote against its rule: turnout first, then the leading approving choice. */
export function evaluate(rule: Rule, roll: { count: number; area: number }, tally: VoteTally, choices: VoteChoice[]): VoteResult {
  const figures: Figure[] = []
  const byArea = rule !== 'meeting'
  // turnout
  if (rule === 'meeting') {
    figures.push({
      key: 'turnout',
      label: '参加人数',
      value: tally.participants,
      of: roll.count,
      threshold: '过半数',
      met: moreThan(tally.participants, roll.count, 1, 2),
    })
  } else {
    figures.push({
      key: 'turnout',
      label: '参与表决的业主人数',
      value: tally.participants,
      of: roll.count,
      threshold: '三分之二以上',
      met: atLeast(tally.participants, roll.count, 2, 3),
    })
    figures.push({
      key: 'turnoutArea',
      label: '参与表决的专有部分面积',
      value: tally.participantArea,
      of: roll.area,
      threshold: '三分之二以上',
      met: atLeast(tally.participantArea, roll.area, 2, 3),
    })
  }
  // the approving choice with the most votes (by count, then area); ties leave none adopted
  const approving = choices.filter((c) => c.approving).map((c) => ({ c, t: tally.choices.find((x) => x.id === c.id) ?? { id: c.id, count: 0, area: 0 } }))
  approving.sort((a, b) => b.t.count - a.t.count || b.t.area - a.t.area)
  const lead = approving[0]
  const tie = approving.length > 1 && approving[1].t.count === lead.t.count && approving[1].t.area === lead.t.area
  const count = lead?.t.count ?? 0
  const area = lead?.t.area ?? 0
  const label = lead ? `“${lead.c.label}”票数` : '同意票数'
  if (rule === 'art278_major') {
    figures.push({
      key: 'approve',
      label: `${label}（占参与人数）`,
      value: count,
      of: tally.participants,
      threshold: '四分之三以上',
      met: atLeast(count, tally.participants, 3, 4),
    })
    figures.push({
      key: 'approveArea',
      label: `${label}（占参与面积）`,
      value: area,
      of: tally.participantArea,
      threshold: '四分之三以上',
      met: atLeast(area, tally.participantArea, 3, 4),
    })
  } else {
    figures.push({
      key: 'approve',
      label: `${label}（占参加人数）`,
      value: count,
      of: tally.participants,
      threshold: '过半数',
      met: moreThan(count, tally.participants, 1, 2) && count > 0,
    })
    if (byArea) {
      figures.push({
        key: 'approveArea',
        label: `${label}（占参与面积）`,
        value: area,
        of: tally.participantArea,
        threshold: '过半数',
        met: moreThan(area, tally.participantArea, 1, 2) && area > 0,
      })
    }
  }
  const passed = !!lead && !tie && figures.every((f) => f.met)
  return { passed, adopted: passed ? lead.c.id : null, figures }
}

/** The choices on the ballot: the matter's plans when it has several, else for / against; abstaining always. */
export function choicesFor(options: string[]): VoteChoice[] {
  if (options.length >= 2) {
    return [
      ...options.map((label, i) => ({ id: `o${i + 1}`, label, approving: true })),
      { id: 'against', label: '都不同意', approving: false },
      { id: 'abstain', label: '弃权', approving: false },
    ]
  }
  return [
    { id: 'for', label: '同意', approving: true },
    { id: 'against', label: '不同意', approving: false },
    { id: 'abstain', label: '弃权', approving: false },
  ]
}

/** m² → integer hundredths, the unit every area is counted in. */
export const areaUnits = (m2: number | null | undefined): number => Math.round((m2 ?? 0) * 100)

const m2text = (units: number) => `${(Math.round(units) / 100).toLocaleString('zh-CN')} ㎡`

/**
 * The counting basis in words, for the result page: who the roll was drawn from and how many, how owners and area are
 * counted, and the rule with its source. Staff read it out when a figure is questioned.
 */
export function countingBasis(v: Pick<VoteDoc, 'rollKind' | 'unit' | 'rule' | 'rollCount' | 'rollArea' | 'rollBasis'>): string[] {
  const b = v.rollBasis ?? {}
  const lines: string[] = []
  const online = b.online !== undefined ? `，其中 ${b.online} 人次可在小程序投票，其余以纸质票或到会表决，由工作人员录入` : ''
  if (v.rollKind === 'owners') {
    lines.push(
      `应参加：${v.rollCount} 位业主${b.developers ? `（含开发商 ${b.developers} 位）` : ''}，专有部分 ${b.units ?? '—'} 套，面积合计 ${m2text(v.rollArea)}${online}。`,
      `业主人数按专有部分计：一套房屋计一人；同一业主拥有多套的计一人${b.multiUnitOwners ? `（本次有 ${b.multiUnitOwners} 位）` : ''}；开发商未售和已售未交付的房屋合计一人（最高人民法院建筑物区分所有权司法解释第八、九条）。面积按登记的专有部分面积，同一业主合计。`,
    )
  } else if (v.rollKind === 'residents' && v.unit === 'household') {
    lines.push(`应参加：住户名册上有登记人口的 ${v.rollCount} 户，每户一名代表投票${online}。`)
  } else if (v.rollKind === 'residents') {
    lines.push(`应参加：住户名册上年满18周岁的居民 ${v.rollCount} 人${b.minors ? `（未满18周岁的 ${b.minors} 人不列入）` : ''}${online}。`)
  } else {
    lines.push(`应参加：本社区${v.rollKind === 'party_members' ? '党员' : '居民代表'} ${v.rollCount} 人。`)
  }
  if (v.rule === 'meeting') {
    lines.push('表决规则：过半数应参加者参加表决方为有效，参加者过半数同意为通过（城市居民委员会组织法第十条；“过半数”不含半数本数）。')
  } else {
    const pass = v.rule === 'art278_major' ? '四分之三以上' : '过半数'
    lines.push(
      `表决规则（民法典第二百七十八条）：专有部分面积占比三分之二以上且人数占比三分之二以上的业主参与表决；经参与表决专有部分面积${pass}且参与表决人数${pass}的业主同意为通过${v.rule === 'art278_major' ? '（第六至八项事项）' : ''}。`,
    )
  }
  return lines
}
