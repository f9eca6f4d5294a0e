import { AppError, type BallotDoc, type RollEntryDoc, type TallyShardDoc, type VoteDoc, type VoteReceiptDoc } from '../../../types'

/**
 * Casting one ballot, as pure rules beside voteRules.ts: when a vote takes ballots, and what one cast writes. The
 * repository reads the voter's tally shard, their receipt and the paper number's receipt inside one transaction,
 * asks `decideCast`, and writes what it answers — so a cast racing the closing seal or a second cast by the same
 * voter conflicts in the transaction and is decided again on what is then stored.
 */

export interface Cast {
  vote: VoteDoc
  entry: RollEntryDoc
  choice: string
  channel: 'online' | 'paper'
  voterOpenid: string | null
  enteredBy: string | null
  paperNo: string | null
  at: string
}

/** What the transaction read for this cast. */
export interface CastState {
  /** the voter's tally shard; sealed once closing has begun */
  shard: TallyShardDoc | null
  /** this voter's receipt, if they have voted (online or on paper) */
  receipt: VoteReceiptDoc | null
  /** whether the paper ballot's number was already entered */
  paperUsed: boolean
}

/** Stored under the paper number beside the receipts: its id collides when the same paper is entered again. */
export interface PaperReceipt {
  _id: string
  voteId: string
  key: string
  at: string
}

/** What one cast writes, together. */
export interface CastWrites {
  receipt: VoteReceiptDoc
  /** the paper number's own receipt, so a numbered paper is entered once */
  paperReceipt: PaperReceipt | null
  /** the ballot: no name, no time */
  ballot: BallotDoc
  shard: TallyShardDoc
}

/** Casting and entering are allowed only between the opening and closing times of a vote not yet closed, for one of its choices. */
export function mustBeOpen(vote: Pick<VoteDoc, 'state' | 'opensAt' | 'closesAt' | 'choices'>, now: Date, choice: string): void {
  const at = now.toISOString()
  if (vote.state !== 'open' || at < vote.opensAt || at >= vote.closesAt) throw new AppError('COUNCIL.VOTE_NOT_OPEN')
  if (!vote.choices.some((c) => c.id === choice)) throw new AppError('COUNCIL.CHOICE_UNKNOWN')
}

/** The roll entry `entry` stands on this opening of the vote (a re-opened vote has a new roll token). */
export function mustBeOnRoll(vote: Pick<VoteDoc, 'rollToken'>, entry: RollEntryDoc | null): RollEntryDoc {
  if (!entry || entry.rollToken !== vote.rollToken) throw new AppError('COUNCIL.NOT_ON_ROLL')
  return entry
}

/**
 * One person one vote, the household's first vote, or one ballot per owner carrying all their area: refused once the
 * shard is sealed (closing began), when the voter already has a receipt, or when the paper number was entered. A
 * secret vote's receipt keeps no choice.
 */
export function decideCast(c: Cast, s: CastState, ids: { receipt: string; paper: string; ballot: string }): CastWrites {
  if (!s.shard || s.shard.sealed) throw new AppError('COUNCIL.VOTE_NOT_OPEN')
  if (s.receipt) throw new AppError('COUNCIL.ALREADY_VOTED')
  if (c.paperNo && s.paperUsed) throw new AppError('COUNCIL.PAPER_NUMBER_USED')
  const cell = s.shard.counts[c.choice] ?? { count: 0, area: 0 }
  return {
    receipt: {
      _id: ids.receipt,
      voteId: c.vote._id,
      key: c.entry.key,
      channel: c.channel,
      voterOpenid: c.voterOpenid,
      enteredBy: c.enteredBy,
      paperNo: c.paperNo,
      choice: c.vote.secret ? null : c.choice,
      at: c.at,
    },
    paperReceipt: c.paperNo ? { _id: ids.paper, voteId: `${c.vote._id}#paper`, key: c.entry.key, at: c.at } : null,
    ballot: { _id: ids.ballot, voteId: c.vote._id, choice: c.choice, area: c.entry.area },
    shard: { ...s.shard, counts: { ...s.shard.counts, [c.choice]: { count: cell.count + 1, area: cell.area + c.entry.area } } },
  }
}
