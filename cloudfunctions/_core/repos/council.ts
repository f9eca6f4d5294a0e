import { createHash } from 'crypto'
import {
  AppError,
  type BallotDoc,
  type HouseholdDoc,
  type MatterDoc,
  type ObjectionDoc,
  type Paged,
  type RollEntryDoc,
  type TallyShardDoc,
  type TicketDoc,
  type UserDoc,
  type VoteDoc,
  type VoteReceiptDoc,
  type VoteTally,
} from '../../../types'
import { newId } from '../ids'
import { retrying } from './retrying'
import { addOnce, collection, command, defined, findAll, getById, isDuplicateKey, runTransaction, saveIfVersion, txGet, txPut, type Tx } from './base'

/** The only code that builds council queries. */

const hash = (s: string) => createHash('sha256').update(s).digest('hex')

// Matters --------------------------------------------------------------------------------------------------------

export const findMatter = (id: string) => getById<MatterDoc>('matters', id)

/** Inserts a matter; a retried proposal (same id) answers the stored one. */
export const insertMatter = async (doc: MatterDoc): Promise<MatterDoc> => (await addOnce('matters', doc)).doc

/** Writes `next` only if the stored matter is still `before` (same version); false when someone else wrote first. */
export const saveMatter = (before: MatterDoc, next: MatterDoc) => saveIfVersion('matters', before, next)

/** A community's matters, newest activity first (a community decides dozens a year, not thousands). */
export const mattersOf = (communityId: string) =>
  findAll<MatterDoc>('matters', defined({ communityId }), [{ field: 'updatedAt', order: 'desc' }], 2000)

// Rolls ----------------------------------------------------------------------------------------------------------

/** People of the community holding a role (party members, representatives, residents). */
export const peopleWithRole = async (communityId: string, role: string): Promise<UserDoc[]> =>
  (await findAll<UserDoc>('users', defined({ 'roles.communityId': communityId }), [{ field: '_id', order: 'asc' }])).filter((u) =>
    u.roles.some((g) => g.role === role && g.communityId === communityId),
  )

export const householdsOfCommunity = (communityId: string) =>
  findAll<HouseholdDoc>('households', defined({ communityId }), [{ field: '_id', order: 'asc' }], 50_000)

// Votes ----------------------------------------------------------------------------------------------------------

/** Casts spread over this many tally documents, so voters rarely contend; closing seals all of them at once. */
export const SHARDS = 8
const shardId = (voteId: string, key: string) => `${voteId}#${parseInt(hash(key).slice(0, 8), 16) % SHARDS}`
const receiptId = (voteId: string, key: string) => `${voteId}|${key}`
const paperId = (voteId: string, paperNo: string) => `${voteId}#paper#${paperNo}`

export const findVote = (id: string) => getById<VoteDoc>('councilVotes', id)
export const votesOfMatter = (matterId: string) => findAll<VoteDoc>('councilVotes', defined({ matterId }), [{ field: 'createdAt', order: 'asc' }], 10)
export const rollEntry = (voteId: string, key: string) => getById<RollEntryDoc>('rollEntries', receiptId(voteId, key))
export const receiptOf = (voteId: string, key: string) => getById<VoteReceiptDoc>('voteReceipts', receiptId(voteId, key))

/**
 * Opens a vote. The roll and the tally shards are written first, each under an id fixed by the vote and the voter,
 * marked with the vote's roll token; then the vote and the matter change together in one transaction, only if the
 * matter is still the version decided on. An opening that dies half-way leaves entries no vote's token points to.
 */
export async function openVote(vote: VoteDoc, roll: RollEntryDoc[], before: MatterDoc, next: MatterDoc): Promise<boolean> {
  for (let i = 0; i < roll.length; i += 200) {
    await Promise.all(roll.slice(i, i + 200).map(({ _id, ...rest }) => collection('rollEntries').doc(_id).set(rest)))
  }
  for (let s = 0; s < SHARDS; s++) {
    const shard: Omit<TallyShardDoc, '_id'> = { voteId: vote._id, sealed: false, counts: {} }
    await collection('tallyShards').doc(`${vote._id}#${s}`).set(shard)
  }
  return retrying(() =>
    runTransaction(async (tx) => {
      const current = await txGet<MatterDoc>(tx, 'matters', before._id)
      if (!current || current.version !== before.version) return false
      await txPut(tx, 'matters', next)
      await txPut(tx, 'councilVotes', vote)
      return true
    }),
  )
}

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

/**
 * One ballot, atomically: the receipt (whose id makes a second vote by the same person or household collide, online
 * or on paper alike), the ballot (no name, no time), and the count in the voter's tally shard. The shard read inside
 * the transaction is the gate: once closing has sealed it, a cast is refused, and a cast racing the seal conflicts
 * with it, so every acknowledged ballot is in the tally and none arrives after.
 */
export async function castBallot(c: Cast): Promise<void> {
  await retrying(() =>
    runTransaction(async (tx) => {
      const shard = await txGet<TallyShardDoc>(tx, 'tallyShards', shardId(c.vote._id, c.entry.key))
      if (!shard || shard.sealed) throw new AppError('COUNCIL.VOTE_NOT_OPEN')
      const receipt = await txGet<VoteReceiptDoc>(tx, 'voteReceipts', receiptId(c.vote._id, c.entry.key))
      if (receipt) throw new AppError('COUNCIL.ALREADY_VOTED')
      if (c.paperNo) {
        if (await txGet(tx, 'voteReceipts', paperId(c.vote._id, c.paperNo))) throw new AppError('COUNCIL.PAPER_NUMBER_USED')
        await txPut(tx, 'voteReceipts', { _id: paperId(c.vote._id, c.paperNo), voteId: `${c.vote._id}#paper`, key: c.entry.key, at: c.at })
      }
      const doc: VoteReceiptDoc = {
        _id: receiptId(c.vote._id, c.entry.key),
        voteId: c.vote._id,
        key: c.entry.key,
        channel: c.channel,
        voterOpenid: c.voterOpenid,
        enteredBy: c.enteredBy,
        paperNo: c.paperNo,
        choice: c.vote.secret ? null : c.choice,
        at: c.at,
      }
      await txPut(tx, 'voteReceipts', doc)
      const ballot: BallotDoc = { _id: newId(), voteId: c.vote._id, choice: c.choice, area: c.entry.area }
      await txPut(tx, 'ballots', ballot)
      const cell = shard.counts[c.choice] ?? { count: 0, area: 0 }
      await txPut(tx, 'tallyShards', { ...shard, counts: { ...shard.counts, [c.choice]: { count: cell.count + 1, area: cell.area + c.entry.area } } })
    }),
  )
}

const sum = (shards: TallyShardDoc[], choices: string[]): VoteTally => {
  const out = choices.map((id) => ({ id, count: 0, area: 0 }))
  for (const s of shards) {
    for (const c of out) {
      c.count += s.counts[c.id]?.count ?? 0
      c.area += s.counts[c.id]?.area ?? 0
    }
  }
  return { choices: out, participants: out.reduce((n, c) => n + c.count, 0), participantArea: out.reduce((n, c) => n + c.area, 0) }
}

/** The running tally (open ballots show it live; staff see the turnout of any vote). */
export const liveTally = async (vote: VoteDoc): Promise<VoteTally> =>
  sum(await findAll<TallyShardDoc>('tallyShards', defined({ voteId: vote._id }), [], SHARDS), vote.choices.map((c) => c.id))

/** Seals every shard in one transaction and answers the final tally; sealing again answers the same tally. */
export async function sealTally(vote: VoteDoc): Promise<VoteTally> {
  return retrying(() =>
    runTransaction(async (tx: Tx) => {
      const shards: TallyShardDoc[] = []
      for (let s = 0; s < SHARDS; s++) {
        const shard = await txGet<TallyShardDoc>(tx, 'tallyShards', `${vote._id}#${s}`)
        const sealed = { ...(shard ?? { voteId: vote._id, counts: {} }), _id: `${vote._id}#${s}`, sealed: true }
        await txPut(tx, 'tallyShards', sealed)
        shards.push(sealed)
      }
      return sum(shards, vote.choices.map((c) => c.id))
    }),
  )
}

/** Records the outcome once: only a vote still open becomes closed. */
export async function finishVote(voteId: string, fields: Pick<VoteDoc, 'tally' | 'result' | 'closedAt'>): Promise<boolean> {
  const res = await collection('councilVotes')
    .where(defined({ _id: voteId, state: 'open' }))
    .update({ state: 'closed', closedAt: fields.closedAt, tally: command().set(fields.tally), result: command().set(fields.result) })
  return (res.updated ?? 0) === 1
}

/** Brings the closing time forward (closing early): a timer that finds the vote due finishes it if we die here. */
export const closeNow = (voteId: string, at: string) =>
  collection('councilVotes').where(defined({ _id: voteId, state: 'open' })).update({ closesAt: at })

/** Open votes whose time is up, for the timer. */
export const dueVotes = (now: string, max = 50) =>
  findAll<VoteDoc>('councilVotes', { state: 'open', closesAt: command().lte(now) }, [{ field: 'closesAt', order: 'asc' }], max)

/** A page of the roll with who has voted and how (never what). */
export async function rollPage(voteId: string, paging: { page: number; pageSize: number }): Promise<Paged<RollEntryDoc & { receipt: VoteReceiptDoc | null }>> {
  const where = defined({ voteId })
  const [rows, count] = await Promise.all([
    collection('rollEntries').where(where).orderBy('label', 'asc').skip((paging.page - 1) * paging.pageSize).limit(paging.pageSize).get(),
    collection('rollEntries').where(where).count(),
  ])
  const entries = (rows.data ?? []) as RollEntryDoc[]
  const receipts = entries.length
    ? await findAll<VoteReceiptDoc>('voteReceipts', { _id: command().in(entries.map((e) => receiptId(voteId, e.key))) }, [], entries.length)
    : []
  const byKey = new Map(receipts.map((r) => [r.key, r]))
  return { items: entries.map((e) => ({ ...e, receipt: byKey.get(e.key) ?? null })), ...paging, total: count.total ?? 0 }
}

/** Ballots of a vote, for a recount: choices and weights only. */
export const ballotsOf = (voteId: string) => findAll<BallotDoc>('ballots', defined({ voteId }), [], 100_000)

// Objections -----------------------------------------------------------------------------------------------------

export async function insertObjection(doc: ObjectionDoc): Promise<void> {
  try {
    await collection('objections').add(doc)
  } catch (e) {
    if (!isDuplicateKey(e)) throw e // a retried request: the objection is already there
  }
}

export const objectionsOf = (matterId: string) => findAll<ObjectionDoc>('objections', defined({ matterId }), [{ field: 'at', order: 'asc' }], 2000)
export const findObjection = (id: string) => getById<ObjectionDoc>('objections', id)

/** Answers once: of two staff answering at once, one answer stands. */
export async function answerObjection(id: string, answer: NonNullable<ObjectionDoc['answer']>): Promise<boolean> {
  const res = await collection('objections').where({ _id: id, answer: null }).update({ answer: command().set(answer) })
  return (res.updated ?? 0) === 1
}

// Evidence -------------------------------------------------------------------------------------------------------

type TicketKey = Pick<TicketDoc, '_id' | 'buildingId' | 'category' | 'categoryLabel' | 'createdAt'>

/** The community's tickets since a time, only the fields that group them (for suggestions). */
export const ticketsSince = (communityId: string, since: string) =>
  findAll<TicketKey>('tickets', { ...defined({ communityId }), createdAt: command().gte(since) }, [], 20_000, {
    _id: true,
    buildingId: true,
    category: true,
    categoryLabel: true,
    createdAt: true,
  })

export const ticketsByIds = (ids: string[]) =>
  ids.length ? findAll<TicketDoc>('tickets', { _id: command().in(ids) }, [], ids.length) : Promise.resolve([] as TicketDoc[])
