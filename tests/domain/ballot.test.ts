import type { RollEntryDoc, TallyShardDoc, VoteDoc } from '../../types'
import { decideCast, mustBeOnRoll, mustBeOpen, type Cast } from '../../cloudfunctions/_core/domain/ballot'
import { thrownCode } from '../support/thrown'

const OPENS = '2026-11-20T00:00:00.000Z'
const CLOSES = '2026-11-27T00:00:00.000Z'
const vote = (over: Partial<VoteDoc> = {}) =>
  ({
    _id: 'v1',
    state: 'open',
    opensAt: OPENS,
    closesAt: CLOSES,
    secret: true,
    rollToken: 'tok',
    choices: [
      { id: 'yes', label: '同意' },
      { id: 'no', label: '不同意' },
    ],
    ...over,
  }) as VoteDoc
const entry = (over: Partial<RollEntryDoc> = {}) =>
  ({ _id: 'v1|h1', voteId: 'v1', key: 'h1', label: '1栋101', area: 8_950, rollToken: 'tok', ...over }) as RollEntryDoc
const shard = (over: Partial<TallyShardDoc> = {}): TallyShardDoc => ({
  _id: 'v1#3',
  voteId: 'v1',
  sealed: false,
  counts: { yes: { count: 2, area: 17_000 } },
  ...over,
})
const cast = (over: Partial<Cast> = {}): Cast => ({
  vote: vote(),
  entry: entry(),
  choice: 'yes',
  channel: 'online',
  voterOpenid: 'o1',
  enteredBy: null,
  paperNo: null,
  at: '2026-11-22T02:00:00.000Z',
  ...over,
})
const ids = { receipt: 'v1|h1', paper: 'v1#paper#0007', ballot: 'b1' }

describe('casting a ballot', () => {
  it('when the vote is open, then a known choice is accepted from its opening to just before its closing, and nothing outside', () => {
    expect(thrownCode(() => mustBeOpen(vote(), new Date(OPENS), 'yes'))).toBe('no refusal')
    expect(thrownCode(() => mustBeOpen(vote(), new Date(Date.parse(CLOSES) - 1), 'no'))).toBe('no refusal')
    expect(thrownCode(() => mustBeOpen(vote(), new Date(Date.parse(OPENS) - 1), 'yes'))).toBe('COUNCIL.VOTE_NOT_OPEN')
    expect(thrownCode(() => mustBeOpen(vote(), new Date(CLOSES), 'yes'))).toBe('COUNCIL.VOTE_NOT_OPEN')
    expect(thrownCode(() => mustBeOpen(vote({ state: 'closed' }), new Date('2026-11-22T00:00:00Z'), 'yes'))).toBe('COUNCIL.VOTE_NOT_OPEN')
    expect(thrownCode(() => mustBeOpen(vote(), new Date('2026-11-22T00:00:00Z'), 'maybe'))).toBe('COUNCIL.CHOICE_UNKNOWN')
  })

  it('when the roll entry belongs to an earlier opening of the vote, or there is none, then the voter is not on the roll', () => {
    expect(mustBeOnRoll(vote(), entry())).toEqual(entry())
    expect(thrownCode(() => mustBeOnRoll(vote(), entry({ rollToken: 'old' })))).toBe('COUNCIL.NOT_ON_ROLL')
    expect(thrownCode(() => mustBeOnRoll(vote(), null))).toBe('COUNCIL.NOT_ON_ROLL')
  })

  it('when a voter casts, then the shard counts one more ballot with the entry’s area, and a secret receipt keeps no choice', () => {
    const w = decideCast(cast(), { shard: shard(), receipt: null, paperUsed: false }, ids)
    expect(w.shard.counts.yes).toEqual({ count: 3, area: 25_950 })
    expect(w.ballot).toEqual({ _id: 'b1', voteId: 'v1', choice: 'yes', area: 8_950 })
    expect(w.receipt).toMatchObject({ _id: 'v1|h1', key: 'h1', channel: 'online', voterOpenid: 'o1', choice: null })
    expect(w.paperReceipt).toBeNull()
    expect(decideCast(cast({ vote: vote({ secret: false }), choice: 'no' }), { shard: shard(), receipt: null, paperUsed: false }, ids)).toMatchObject({
      receipt: { choice: 'no' },
      shard: { counts: { yes: { count: 2, area: 17_000 }, no: { count: 1, area: 8_950 } } },
    })
  })

  it('when the shard is sealed or missing, the voter already has a receipt, or the paper number was entered, then the cast is refused', () => {
    const receipt = decideCast(cast(), { shard: shard(), receipt: null, paperUsed: false }, ids).receipt
    expect(thrownCode(() => decideCast(cast(), { shard: shard({ sealed: true }), receipt: null, paperUsed: false }, ids))).toBe('COUNCIL.VOTE_NOT_OPEN')
    expect(thrownCode(() => decideCast(cast(), { shard: null, receipt: null, paperUsed: false }, ids))).toBe('COUNCIL.VOTE_NOT_OPEN')
    expect(thrownCode(() => decideCast(cast(), { shard: shard(), receipt, paperUsed: false }, ids))).toBe('COUNCIL.ALREADY_VOTED')
    expect(thrownCode(() => decideCast(cast({ channel: 'paper', paperNo: '0007' }), { shard: shard(), receipt: null, paperUsed: true }, ids))).toBe(
      'COUNCIL.PAPER_NUMBER_USED',
    )
  })

  it('when a paper ballot is entered, then its number gets a receipt of its own beside the voter’s', () => {
    const w = decideCast(
      cast({ channel: 'paper', paperNo: '0007', voterOpenid: null, enteredBy: 'staff' }),
      { shard: shard(), receipt: null, paperUsed: false },
      ids,
    )
    expect(w.paperReceipt).toEqual({ _id: 'v1#paper#0007', voteId: 'v1#paper', key: 'h1', at: '2026-11-22T02:00:00.000Z' })
    expect(w.receipt).toMatchObject({ channel: 'paper', paperNo: '0007', enteredBy: 'staff', voterOpenid: null })
  })
})

describe('what one cast writes', () => {
  it('the voter’s receipt names the vote, the voter’s key, channel, who entered it, the paper and the time, and the choice of an open vote', () => {
    const w = decideCast(
      cast({ vote: vote({ secret: false }), channel: 'paper', paperNo: '0007', voterOpenid: null, enteredBy: 'staff' }),
      { shard: shard(), receipt: null, paperUsed: false },
      ids,
    )
    expect(w.receipt).toEqual({
      _id: 'v1|h1',
      voteId: 'v1',
      key: 'h1',
      channel: 'paper',
      voterOpenid: null,
      enteredBy: 'staff',
      paperNo: '0007',
      choice: 'yes',
      at: '2026-11-22T02:00:00.000Z',
    })
    expect(w.shard).toEqual({ _id: 'v1#3', voteId: 'v1', sealed: false, counts: { yes: { count: 3, area: 25_950 } } })
  })

  it('an online cast needs no paper number, whether or not some paper was entered', () => {
    expect(decideCast(cast(), { shard: shard(), receipt: null, paperUsed: true }, ids).paperReceipt).toBeNull()
  })

  it('a vote that is open is refused while not yet open or already closed by its state, whatever the time', () => {
    for (const state of ['draft', 'closed', 'cancelled'] as const)
      expect(thrownCode(() => mustBeOpen(vote({ state } as never), new Date('2026-11-22T00:00:00Z'), 'yes'))).toBe('COUNCIL.VOTE_NOT_OPEN')
  })
})
