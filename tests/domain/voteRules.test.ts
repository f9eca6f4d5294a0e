import { areaUnits, choicesFor, countingBasis, evaluate } from '../../cloudfunctions/_core/domain/voteRules'

const tallyOf = (rows: [string, number, number][]) => ({
  choices: rows.map(([id, count, area]) => ({ id, count, area })),
  participants: rows.reduce((n, r) => n + r[1], 0),
  participantArea: rows.reduce((n, r) => n + r[2], 0),
})

describe('the choices on a ballot', () => {
  it('are for, against and abstain for a single proposal', () => {
    expect(choicesFor([])).toEqual([
      { id: 'for', label: '同意', approving: true },
      { id: 'against', label: '不同意', approving: false },
      { id: 'abstain', label: '弃权', approving: false },
    ])
    expect(choicesFor(['只有一个方案'])).toEqual(choicesFor([]))
  })

  it('are each plan, none of them, and abstain when there are several plans', () => {
    expect(choicesFor(['方案甲', '方案乙'])).toEqual([
      { id: 'o1', label: '方案甲', approving: true },
      { id: 'o2', label: '方案乙', approving: true },
      { id: 'against', label: '都不同意', approving: false },
      { id: 'abstain', label: '弃权', approving: false },
    ])
  })
})

describe('a meeting vote’s figures', () => {
  it('name the threshold and the approving choice, counted of the participants', () => {
    const r = evaluate(
      'meeting',
      { count: 10, area: 0 },
      tallyOf([
        ['for', 4, 0],
        ['against', 2, 0],
      ]),
      choicesFor([]),
    )
    expect(r).toEqual({
      passed: true,
      adopted: 'for',
      figures: [
        { key: 'turnout', label: '参加人数', value: 6, of: 10, threshold: '过半数', met: true },
        { key: 'approve', label: '“同意”票数（占参加人数）', value: 4, of: 6, threshold: '过半数', met: true },
      ],
    })
  })

  it('do not pass with nobody for, however many take part', () => {
    const r = evaluate('meeting', { count: 0, area: 0 }, tallyOf([['for', 0, 0]]), choicesFor([]))
    expect(r.passed).toBe(false)
    expect(r.adopted).toBeNull()
  })

  it('adopt the plan with the most votes when several are put, and none when two tie', () => {
    const plans = choicesFor(['方案甲', '方案乙', '方案丙'])
    const won = evaluate(
      'meeting',
      { count: 10, area: 0 },
      tallyOf([
        ['o1', 1, 0],
        ['o2', 6, 0],
        ['o3', 0, 0],
      ]),
      plans,
    )
    expect(won).toMatchObject({ passed: true, adopted: 'o2' })
    expect(won.figures[1].label).toBe('“方案乙”票数（占参加人数）')
    const tied = evaluate(
      'meeting',
      { count: 10, area: 0 },
      tallyOf([
        ['o1', 4, 0],
        ['o2', 4, 0],
      ]),
      plans,
    )
    expect(tied).toMatchObject({ passed: false, adopted: null })
    expect(tied.figures.map((f) => f.met)).toEqual([true, false])
  })

  it('count a plan nobody voted for as nought', () => {
    const r = evaluate('meeting', { count: 4, area: 0 }, tallyOf([['o1', 3, 0]]), choicesFor(['方案甲', '方案乙']))
    expect(r).toMatchObject({ passed: true, adopted: 'o1' })
  })
})

describe('an owners’ vote’s figures', () => {
  it('break a tie in number by area, and leave none adopted when both tie', () => {
    const plans = choicesFor(['方案甲', '方案乙'])
    const byArea = evaluate(
      'art278_ordinary',
      { count: 4, area: 400 },
      tallyOf([
        ['o1', 2, 150],
        ['o2', 2, 250],
      ]),
      plans,
    )
    expect(byArea.adopted).toBeNull() // 2 of 4 by number is not more than half
    expect(byArea.figures.find((f) => f.key === 'approve')).toMatchObject({ label: '“方案乙”票数（占参加人数）', value: 2, of: 4 })
    const tie = evaluate(
      'art278_ordinary',
      { count: 4, area: 400 },
      tallyOf([
        ['o1', 2, 200],
        ['o2', 2, 200],
      ]),
      plans,
    )
    expect(tie.passed).toBe(false)
  })

  it('name each figure with its threshold under the major rule', () => {
    const r = evaluate(
      'art278_major',
      { count: 4, area: 400 },
      tallyOf([
        ['for', 3, 300],
        ['against', 1, 100],
      ]),
      choicesFor([]),
    )
    expect(r.figures).toEqual([
      { key: 'turnout', label: '参与表决的业主人数', value: 4, of: 4, threshold: '三分之二以上', met: true },
      { key: 'turnoutArea', label: '参与表决的专有部分面积', value: 400, of: 400, threshold: '三分之二以上', met: true },
      { key: 'approve', label: '“同意”票数（占参与人数）', value: 3, of: 4, threshold: '四分之三以上', met: true },
      { key: 'approveArea', label: '“同意”票数（占参与面积）', value: 300, of: 400, threshold: '四分之三以上', met: true },
    ])
    expect(r).toMatchObject({ passed: true, adopted: 'for' })
  })

  it('need some area for under the ordinary rule, and a roll to count against', () => {
    const r = evaluate('art278_ordinary', { count: 3, area: 300 }, tallyOf([['for', 3, 0]]), choicesFor([]))
    expect(r.figures.find((f) => f.key === 'approveArea')).toMatchObject({ threshold: '过半数', met: false, label: '“同意”票数（占参与面积）' })
    expect(
      evaluate('art278_ordinary', { count: 0, area: 0 }, tallyOf([]), choicesFor([]))
        .figures.slice(0, 2)
        .map((f) => f.met),
    ).toEqual([false, false])
  })
})

describe('areas', () => {
  it('are counted in hundredths of a square metre, none as nought', () => {
    expect(areaUnits(89.47)).toBe(8947)
    expect(areaUnits(0.005)).toBe(1)
    expect(areaUnits(null)).toBe(0)
    expect(areaUnits(undefined)).toBe(0)
  })
})

describe('the counting basis in words, for every roll', () => {
  it('an owners’ roll without developers, several-unit owners or online voters says so', () => {
    const [roll, owners, rule] = countingBasis({
      rollKind: 'owners',
      unit: 'owner',
      rule: 'art278_ordinary',
      rollCount: 5,
      rollArea: 50_050,
      rollBasis: { units: 5 },
    })
    expect(roll).toBe('应参加：5 位业主，专有部分 5 套，面积合计 500.5 ㎡。')
    expect(owners).toContain('同一业主拥有多套的计一人；')
    expect(rule).toBe(
      '表决规则（民法典第二百七十八条）：专有部分面积占比三分之二以上且人数占比三分之二以上的业主参与表决；经参与表决专有部分面积过半数且参与表决人数过半数的业主同意为通过。',
    )
  })

  it('an owners’ roll with no basis recorded shows a dash for the units', () => {
    expect(countingBasis({ rollKind: 'owners', unit: 'owner', rule: 'art278_major', rollCount: 5, rollArea: 0 })[0]).toBe(
      '应参加：5 位业主，专有部分 — 套，面积合计 0 ㎡。',
    )
  })

  it('a household vote counts households with registered people, one representative each', () => {
    expect(countingBasis({ rollKind: 'residents', unit: 'household', rule: 'meeting', rollCount: 120, rollArea: 0, rollBasis: { online: 0 } })).toEqual([
      '应参加：住户名册上有登记人口的 120 户，每户一名代表投票，其中 0 人次可在小程序投票，其余以纸质票或到会表决，由工作人员录入。',
      '表决规则：过半数应参加者参加表决方为有效，参加者过半数同意为通过（城市居民委员会组织法第十条；“过半数”不含半数本数）。',
    ])
  })

  it('a residents’ vote counts adults, naming the minors left out', () => {
    expect(countingBasis({ rollKind: 'residents', unit: 'person', rule: 'meeting', rollCount: 240, rollArea: 0, rollBasis: { minors: 31 } })[0]).toBe(
      '应参加：住户名册上年满18周岁的居民 240 人（未满18周岁的 31 人不列入）。',
    )
    expect(countingBasis({ rollKind: 'residents', unit: 'person', rule: 'meeting', rollCount: 240, rollArea: 0, rollBasis: {} })[0]).toBe(
      '应参加：住户名册上年满18周岁的居民 240 人。',
    )
  })

  it('party members and representatives are named as such', () => {
    expect(countingBasis({ rollKind: 'party_members', unit: 'person', rule: 'meeting', rollCount: 30, rollArea: 0 })[0]).toBe('应参加：本社区党员 30 人。')
    expect(countingBasis({ rollKind: 'representatives', unit: 'person', rule: 'meeting', rollCount: 25, rollArea: 0 })[0]).toBe(
      '应参加：本社区居民代表 25 人。',
    )
  })
})
