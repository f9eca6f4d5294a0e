import { fireEvent, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import Matter from '../../src/packages/council/pages/matter/index'
import PaperVotes from '../../src/packages/council/pages/paper/index'
import type { BallotsResult, MatterView, SignInSheetResult, VoteView } from '../../types'
import { fakeBackend } from './support/fakeTransport'
import { renderPage } from './support/render'

const vote = (over: Partial<VoteView> = {}): VoteView => ({
  id: 'm1-resolution',
  stage: 'resolution',
  rollKind: 'residents',
  rollKindLabel: '全体居民',
  unit: 'person',
  unitLabel: '一人一票',
  rule: 'meeting',
  ruleLabel: '会议表决（过半数参加，参加者过半数同意）',
  secret: false,
  choices: [
    { id: 'for', label: '同意' },
    { id: 'against', label: '不同意' },
    { id: 'abstain', label: '弃权' },
  ],
  opensAt: '2026-11-22T01:00:00.000Z',
  closesAt: '2026-11-29T01:00:00.000Z',
  status: 'open',
  unitNoun: '人',
  basis: ['应参加：住户名册上年满18周岁的居民 291 人。'],
  rollCount: 291,
  rollArea: 0,
  turnout: 0,
  tally: null,
  result: null,
  me: { onRoll: false, voted: false, votedBy: null, channel: null, choice: null, as: [] },
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
  records: [],
  votes: [vote()],
  publication: null,
  objections: [],
  result: null,
  evidence: [],
  can: ['enterPaperVote', 'closeVote'],
  ...over,
})

const URL = 'http://127.0.0.1:3000/files/private/ballots/c-xingfu/0123.pdf?expires=1&sig=ab'
const ballots: BallotsResult = {
  fileID: 'cloud://env/private/ballots/c-xingfu/0123.pdf',
  url: URL,
  voteId: 'm1-resolution',
  entries: 291,
  pages: 146,
  firstNo: '001',
  lastNo: '291',
  perPage: 2,
  secret: false,
}
const sheet: SignInSheetResult = {
  fileID: 'cloud://env/private/signin/c-xingfu/0456.pdf',
  url: `${URL}#signin`,
  voteId: 'm1-resolution',
  entries: 291,
  pages: 12,
  firstNo: '001',
  lastNo: '291',
  area: 0,
}

describe('printing a vote’s papers from the matter page', () => {
  let backend: ReturnType<typeof fakeBackend>
  let opened: jest.SpyInstance
  beforeEach(() => {
    opened = jest.spyOn(window, 'open').mockReturnValue(null)
    jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'ok' } as never)
  })
  afterEach(() => {
    backend.restore()
    jest.restoreAllMocks()
  })

  it('when an organiser taps 打印纸质选票, then the ballots of the matter’s vote are made and the PDF opens, without a confirmation', async () => {
    backend = fakeBackend().ok('council', 'get', matter()).ok('qrcodes', 'ballots', ballots)
    const ask = jest.spyOn(Taro, 'showModal')
    renderPage(Matter, { id: 'm1' }, '/packages/council/pages/matter/index')
    fireEvent.click(await screen.findByText('打印纸质选票'))
    await waitFor(() => expect(opened).toHaveBeenCalledWith(URL, '_blank'))
    expect(backend.callsOf('qrcodes', 'ballots').map((c) => c.data)).toEqual([{ matterId: 'm1' }])
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已生成选票291张（票号001至291），共146页' }))
    expect(ask).not.toHaveBeenCalled()
  })

  it('when an organiser taps 打印签到表, then the sign-in sheet is made and opens', async () => {
    backend = fakeBackend().ok('council', 'get', matter()).ok('qrcodes', 'signInSheet', sheet)
    renderPage(Matter, { id: 'm1' }, '/packages/council/pages/matter/index')
    fireEvent.click(await screen.findByText('打印签到表'))
    await waitFor(() => expect(opened).toHaveBeenCalledWith(`${URL}#signin`, '_blank'))
    expect(backend.callsOf('qrcodes', 'signInSheet').map((c) => c.data)).toEqual([{ matterId: 'm1' }])
  })

  it('while the papers are being made, then both buttons wait and the page says what it is making', async () => {
    let answer: (v: unknown) => void = () => {}
    backend = fakeBackend().ok('council', 'get', matter())
    backend.on('qrcodes', 'ballots', () => new Promise((resolve) => (answer = resolve)) as never)
    renderPage(Matter, { id: 'm1' }, '/packages/council/pages/matter/index')
    fireEvent.click(await screen.findByText('打印纸质选票'))
    expect(await screen.findByText('正在生成选票，人数多时需要十几秒…')).toBeTruthy()
    fireEvent.click(screen.getByText('打印签到表'))
    expect(backend.callsOf('qrcodes', 'signInSheet')).toEqual([])
    answer({ ok: true, data: ballots })
    await waitFor(() => expect(opened).toHaveBeenCalledTimes(1))
    await waitFor(() => expect(screen.queryByText('正在生成选票，人数多时需要十几秒…')).toBeNull())
  })

  it('when printing is refused, then the reason is shown on the page and nothing opens', async () => {
    backend = fakeBackend().ok('council', 'get', matter()).fail('qrcodes', 'ballots', {
      code: 'COUNCIL.ROLL_UNNUMBERED',
      message: '这次表决的名单是在编号功能启用前生成的，没有票号，不能打印纸质票和签到表；请在纸质票录入页按姓名或房号查找',
    })
    renderPage(Matter, { id: 'm1' }, '/packages/council/pages/matter/index')
    fireEvent.click(await screen.findByText('打印纸质选票'))
    expect(await screen.findByText(/没有票号，不能打印纸质票和签到表/)).toBeTruthy()
    expect(opened).not.toHaveBeenCalled()
  })

  it('when the roll is larger than one file holds, then the ballots print in batches by number', async () => {
    backend = fakeBackend()
      .ok('council', 'get', matter({ votes: [vote({ rollCount: 9000 })] }))
      .ok('qrcodes', 'ballots', { ...ballots, entries: 4000, firstNo: '5001', lastNo: '9000' })
    renderPage(Matter, { id: 'm1' }, '/packages/council/pages/matter/index')
    expect(await screen.findByText('打印纸质选票（第 1 至 5000 张）')).toBeTruthy()
    fireEvent.click(screen.getByText('打印纸质选票（第 5001 至 9000 张）'))
    await waitFor(() => expect(opened).toHaveBeenCalledTimes(1))
    expect(backend.callsOf('qrcodes', 'ballots').map((c) => c.data)).toEqual([{ matterId: 'm1', from: 5001, to: 9000 }])
    expect(screen.queryByText('打印纸质选票')).toBeNull()
  })

  it('when the vote is secret, then the card says the ballots carry only their numbers', async () => {
    backend = fakeBackend().ok('council', 'get', matter({ votes: [vote({ secret: true })] }))
    renderPage(Matter, { id: 'm1' }, '/packages/council/pages/matter/index')
    expect(await screen.findByText(/选票只印票号，不印姓名、房号和签名栏/)).toBeTruthy()
  })

  it('when a resident or a closed vote is shown, then there is nothing to print', async () => {
    backend = fakeBackend().ok('council', 'get', matter({ can: [] }))
    const { unmount } = renderPage(Matter, { id: 'm1' }, '/packages/council/pages/matter/index')
    expect(await screen.findByText('3栋加装电梯')).toBeTruthy()
    expect(screen.queryByText('打印纸质选票')).toBeNull()
    unmount()
    backend.restore()
    backend = fakeBackend().ok('council', 'get', matter({ state: 'publicity', can: ['publish'], votes: [vote({ status: 'closed' })] }))
    renderPage(Matter, { id: 'm1' }, '/packages/council/pages/matter/index')
    expect(await screen.findByText('3栋加装电梯')).toBeTruthy()
    expect(screen.queryByText('打印签到表')).toBeNull()
  })
})

describe('paper entry with printed ballots', () => {
  let backend: ReturnType<typeof fakeBackend>
  afterEach(() => {
    backend.restore()
    jest.restoreAllMocks()
  })
  const entry = { key: 'mem-1', ballotNo: '042', label: '王秀英（1栋 1单元 301）', area: 0, voted: false, channel: null, paperNo: null }
  const page = { items: [entry], page: 1, pageSize: 50, total: 1, choices: vote().choices }

  it('when staff pick a voter, then the number printed on the voter’s ballot is shown and entered as the ballot’s number', async () => {
    backend = fakeBackend().ok('council', 'roll', page)
    backend.on('council', 'enterPaperVote', () => ({ ok: true, data: vote() }))
    jest.spyOn(Taro, 'showModal').mockResolvedValue({ confirm: true, cancel: false, errMsg: 'showModal:ok' } as never)
    jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'ok' } as never)
    renderPage(PaperVotes, { voteId: 'm1-resolution' }, '/packages/council/pages/paper/index')
    fireEvent.click(await screen.findByLabelText('票号042，王秀英（1栋 1单元 301），未投票'))
    expect(screen.getByText('录入：042 王秀英（1栋 1单元 301）')).toBeTruthy()
    fireEvent.click(screen.getByText('不同意'))
    fireEvent.click(screen.getByText('确定录入'))
    await waitFor(() =>
      expect(backend.callsOf('council', 'enterPaperVote').map((c) => c.data)).toEqual([
        { voteId: 'm1-resolution', voterKey: 'mem-1', choice: 'against', paperNo: '042' },
      ]),
    )
  })
})
