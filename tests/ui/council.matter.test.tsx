import { fireEvent, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import Matter from '../../src/packages/council/pages/matter/index'
import type { MatterView, VoteView } from '../../types'
import { expectOnlyButtons, omissions } from './support/can'
import { fakeBackend } from './support/fakeTransport'
import { renderPage } from './support/render'
import { typeInto } from './support/tickets'

const vote = (over: Partial<VoteView> = {}): VoteView => ({
  id: 'm1-resolution',
  stage: 'resolution',
  rollKind: 'residents',
  rollKindLabel: '全体居民',
  unit: 'person',
  unitLabel: '一人一票',
  rule: 'meeting',
  ruleLabel: '会议表决（过半数参加，参加者过半数同意）',
  secret: true,
  choices: [
    { id: 'for', label: '同意' },
    { id: 'against', label: '不同意' },
    { id: 'abstain', label: '弃权' },
  ],
  opensAt: '2026-11-22T01:00:00.000Z',
  closesAt: '2026-11-29T01:00:00.000Z',
  status: 'open',
  unitNoun: '人',
  basis: ['应参加：住户名册上年满18周岁的居民 2 人。'],
  rollCount: 2,
  rollArea: 0,
  turnout: null,
  tally: null,
  result: null,
  me: { onRoll: true, voted: false, votedBy: null, channel: null, choice: null, as: [{ key: 'mem-1', label: '王秀英（1栋 1单元 301）' }] },
  ...over,
})

const matter = (over: Partial<MatterView> = {}): MatterView => ({
  id: 'm1',
  title: '3栋加装电梯',
  kind: 'community',
  kindLabel: '社区公共事务（居民会议决定）',
  state: 'resolution',
  stateLabel: '待居民会议决议',
  scopeLabel: '全社区',
  openVote: null,
  publicityUntil: null,
  createdAt: '2026-11-20T01:00:00.000Z',
  updatedAt: '2026-11-22T01:00:00.000Z',
  communityId: 'c-xingfu',
  background: '老人上下楼困难',
  options: [],
  attachments: [],
  buildingIds: [],
  records: [
    {
      stage: 'proposal',
      stageLabel: '党组织提议',
      at: '2026-11-20T01:00:00.000Z',
      by: { name: '赵红梅', role: 'branch_secretary' },
      date: '2026-11-20',
      minutes: '老人上下楼困难',
      attendance: null,
      attendees: null,
      outcome: 'agreed',
      votes: null,
      reason: null,
      voteId: null,
    },
  ],
  votes: [vote()],
  publication: null,
  objections: [],
  result: null,
  evidence: [],
  can: [],
  ...over,
})

const modal = (confirm: boolean) => jest.spyOn(Taro, 'showModal').mockResolvedValue({ confirm, cancel: !confirm, errMsg: 'showModal:ok' } as never)

describe('a matter for a resident', () => {
  let backend: ReturnType<typeof fakeBackend>
  afterEach(() => {
    backend.restore()
    jest.restoreAllMocks()
  })

  it('when the resident taps a choice and confirms, then the vote is cast and the page says it was', async () => {
    backend = fakeBackend().ok('council', 'get', matter())
    backend.on('council', 'vote', ({ choice }) => ({
      ok: true,
      data: vote({ me: { onRoll: true, voted: true, votedBy: null, channel: 'online', choice, as: [{ key: 'mem-1', label: '王秀英（1栋 1单元 301）' }] } }),
    }))
    const ask = modal(true)
    renderPage(Matter, { id: 'm1' }, '/packages/council/pages/matter/index')
    fireEvent.click(await screen.findByText('不同意'))
    await waitFor(() => expect(backend.callsOf('council', 'vote').map((c) => c.data)).toEqual([{ voteId: 'm1-resolution', choice: 'against' }]))
    expect(ask.mock.calls[0][0]?.content).toContain('无记名')
    expect(await screen.findByText('您已投票：不同意')).toBeTruthy()
    expect(screen.queryByText('请投票')).toBeNull()
  })

  it('when the resident cancels the confirmation, then nothing is cast', async () => {
    backend = fakeBackend().ok('council', 'get', matter())
    modal(false)
    renderPage(Matter, { id: 'm1' }, '/packages/council/pages/matter/index')
    fireEvent.click(await screen.findByText('同意'))
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalled())
    expect(backend.callsOf('council', 'vote')).toEqual([])
  })

  it('when the vote has closed, then each figure shows against its threshold and the result is stated', async () => {
    const closed = vote({
      status: 'closed',
      turnout: 2,
      me: { onRoll: true, voted: true, votedBy: null, channel: 'online', choice: null, as: [{ key: 'mem-1', label: '王秀英（1栋 1单元 301）' }] },
      tally: {
        choices: [
          { id: 'for', label: '同意', count: 2, area: 0 },
          { id: 'against', label: '不同意', count: 0, area: 0 },
          { id: 'abstain', label: '弃权', count: 0, area: 0 },
        ],
        participants: 2,
        participantArea: 0,
      },
      result: {
        passed: true,
        adopted: 'for',
        adoptedLabel: '同意',
        figures: [
          { key: 'turnout', label: '参加人数', value: 2, of: 2, threshold: '过半数', met: true },
          { key: 'approve', label: '“同意”票数（占参加人数）', value: 2, of: 2, threshold: '过半数', met: true },
        ],
      },
    })
    backend = fakeBackend().ok('council', 'get', matter({ state: 'publicity', stateLabel: '待决议公开', votes: [closed] }))
    renderPage(Matter, { id: 'm1' }, '/packages/council/pages/matter/index')
    expect(await screen.findByText('表决通过')).toBeTruthy()
    expect(screen.getAllByText('2/2（100.0%） 要求过半数 ✓')).toHaveLength(2)
    expect(screen.getByLabelText('参加人数2/2（100.0%），要求过半数，达到')).toBeTruthy()
  })

  it('when the publicity runs, then the resident can object and the objection is sent with a request id', async () => {
    backend = fakeBackend().ok(
      'council',
      'get',
      matter({
        state: 'implementation',
        votes: [],
        can: ['object'],
        publication: { text: '决议：加装电梯', at: '2026-11-22T01:00:00.000Z', until: '2026-11-29T01:00:00.000Z', open: true },
      }),
    )
    backend.on('council', 'object', () => ({
      ok: true,
      data: matter({
        state: 'implementation',
        votes: [],
        can: ['object'],
        publication: { text: '决议：加装电梯', at: '2026-11-22T01:00:00.000Z', until: '2026-11-29T01:00:00.000Z', open: true },
        objections: [{ id: 'o1', text: '采光怎么办', byName: '李建国', at: '2026-11-22T02:00:00.000Z', answer: null, mine: true }],
      }),
    }))
    renderPage(Matter, { id: 'm1' }, '/packages/council/pages/matter/index')
    const box = await screen.findByLabelText('异议内容')
    typeInto(box, '采光怎么办')
    fireEvent.click(screen.getByText('提交异议'))
    await waitFor(() => expect(backend.callsOf('council', 'object')).toHaveLength(1))
    expect(backend.callsOf('council', 'object')[0].data).toMatchObject({
      matterId: 'm1',
      text: '采光怎么办',
      requestId: expect.stringMatching(/^r[a-z0-9]{8,}/),
    })
    expect(await screen.findByText('等待社区答复')).toBeTruthy()
  })
})

describe('a matter shows only the steps the view can', () => {
  // every button at once: a running vote, an open publicity period with an unanswered objection
  const BUTTONS = {
    recordDeliberation: '记录两委商议',
    recordReview: '记录党员大会审议',
    openVote: '发起居民表决',
    publish: '决议公开',
    publishResult: '公开实施结果',
    withdraw: '撤回议题',
    object: '提交异议',
    answerObjection: '答复',
    closeVote: '结束表决并计票',
  } as const
  const everything = (can: MatterView['can']) =>
    matter({
      state: 'implementation',
      can,
      publication: { text: '决议：加装电梯', at: '2026-11-22T01:00:00.000Z', until: '2026-11-29T01:00:00.000Z', open: true },
      objections: [{ id: 'o1', text: '采光怎么办', byName: '李建国', at: '2026-11-22T02:00:00.000Z', answer: null, mine: false }],
    })
  let backend: ReturnType<typeof fakeBackend>
  afterEach(() => backend.restore())

  it.each(omissions(BUTTONS))('when can leaves out %s, then its button is absent and the others are there', async (_left, listed) => {
    backend = fakeBackend().ok('council', 'get', everything([...listed]))
    renderPage(Matter, { id: 'm1' }, '/packages/council/pages/matter/index')
    await expectOnlyButtons(BUTTONS, listed)
  })
})
