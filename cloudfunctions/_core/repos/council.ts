import { createHash } from 'crypto'
import {
  type BallotDoc,
  type MatterDoc,
  type ObjectionDoc,
  type Listing,
  type Paged,
  type RollEntryDoc,
  type TallyShardDoc,
  type TicketDoc,
  type UserDoc,
  type VoteDoc,
  type VoteReceiptDoc,
  type VoteTally,
} from '../../../types'
import type { CastState, CastWrites } from '../domain/ballot'
import { seqOf } from '../domain/rollNumbers'
import { newId } from '../ids'
import { retrying } from './retrying'
import {
  addOnce,
  collection,
  command,
  defined,
  findAll,
  findFirst,
  getById,
  isDuplicateKey,
  literal,
  pattern,
  runTransaction,
  saveIfVersion,
  sliceOf,
  txGet,
  txPut,
  type Tx,
} from './base'

/** The only code that builds council queries. */

const hash = (s: string) => createHash('sha256').update(s).digest('hex')

// Matters --------------------------------------------------------------------------------------------------------

export const findMatter = (id: string) => getById<MatterDoc>('matters', id)

/** Inserts a matter; a retried proposal (same id) answers the stored one. */
export const insertMatter = async (doc: MatterDoc): Promise<MatterDoc> => (await addOnce('matters', doc)).doc

/** Writes `next` only if the stored matter is still `before` (same version); false when someone else wrote first. */
export const saveMatter = (before: MatterDoc, next: MatterDoc) => saveIfVersion('matters', before, next)

/**
 * A page of a community's matters: those with a vote under way first, then by latest activity. `homeBuildings` null
 * is every matter (staff and grid people); otherwise the community-wide ones and those about the caller's buildings
 * (a person on a party-member or representative roll lives in the matter's buildings, so this reaches them too).
 */
export async function mattersPage(
  communityId: string,
  homeBuildings: string[] | null,
  paging: { page: number; pageSize: number },
): Promise<Listing<MatterDoc>> {
  const _ = command()
  const where = homeBuildings
    ? _.and([defined({ communityId }), _.or([{ buildingIds: _.size(0) }, ...(homeBuildings.length ? [{ buildingIds: _.in(homeBuildings) }] : [])])])
    : defined({ communityId })
  const rows = (n: number) =>
    collection('matters')
      .where(where as object)
      // `voting` (0 | 1, one type) rather than activeVoteId (null or a string), so an index walks the order. A matter
      // stored before `voting` sorts among those without a vote until the sweeper fills it in (sweeper/backfill.ts,
      // every 5 minutes); it is listed and counted all the same
      .orderBy('voting', 'desc')
      .orderBy('updatedAt', 'desc')
      .orderBy('_id', 'desc')
      .skip((paging.page - 1) * paging.pageSize)
      .limit(n)
      .get()
  // a resident's matters are the community's and her buildings': counting them would test every matter of the
  // community on each call, so her page says whether another follows instead (one row read past the page)
  if (homeBuildings) return sliceOf<MatterDoc>(await rows(paging.pageSize + 1), paging)
  const [page, count] = await Promise.all([
    rows(paging.pageSize),
    collection('matters')
      .where(where as object)
      .count(),
  ])
  return { items: (page.data ?? []) as MatterDoc[], ...paging, total: count.total ?? 0 }
}

/**
 * Fills in `voting` on matters stored before it, from their activeVoteId: two conditional updates, each only where the
 * field is still missing, so a rerun changes nothing and a matter the domain saved meanwhile keeps its own value.
 * Answers how many were filled.
 */
export async function backfillVoting(): Promise<number> {
  const _ = command()
  const [none, open] = await Promise.all([
    collection('matters')
      .where({ voting: _.exists(false), activeVoteId: null })
      .update({ voting: 0 }),
    collection('matters')
      .where({ voting: _.exists(false), activeVoteId: _.neq(null) })
      .update({ voting: 1 }),
  ])
  return (none.updated ?? 0) + (open.updated ?? 0)
}

// Rolls ----------------------------------------------------------------------------------------------------------

/** People of the community holding a role (party members, representatives); a person with grants elsewhere is filtered here. */
export const peopleWithRole = async (communityId: string, role: string): Promise<UserDoc[]> =>
  (await findAll<UserDoc>('users', defined({ 'roles.communityId': communityId, 'roles.role': role }), [{ field: '_id', order: 'asc' }], 200_000)).filter((u) =>
    u.roles.some((g) => g.role === role && g.communityId === communityId),
  )

// Votes ----------------------------------------------------------------------------------------------------------

/** Casts spread over this many tally documents, so voters rarely contend; closing seals all of them at once. */
export const SHARDS = 8
const shardId = (voteId: string, key: string) => `${voteId}#${parseInt(hash(key).slice(0, 8), 16) % SHARDS}`
const receiptId = (voteId: string, key: string) => `${voteId}|${key}`
const paperId = (voteId: string, paperNo: string) => `${voteId}#paper#${paperNo}`

export const findVote = (id: string) => getById<VoteDoc>('councilVotes', id)
// at most two: the party members' review and the residents' resolution (a vote is stored only by the opening that won)
export const votesOfMatter = (matterId: string) => findAll<VoteDoc>('councilVotes', defined({ matterId }), [{ field: 'createdAt', order: 'asc' }], 10)
export const rollEntry = (voteId: string, key: string) => getById<RollEntryDoc>('rollEntries', receiptId(voteId, key))
export const receiptOf = (voteId: string, key: string) => getById<VoteReceiptDoc>('voteReceipts', receiptId(voteId, key))

/** Documents by id, in one read however many (a page's worth: a list never pays one request per row). */
const byIds = <T>(name: 'councilVotes' | 'rollEntries' | 'voteReceipts', ids: string[]): Promise<T[]> => {
  const unique = [...new Set(ids)]
  return unique.length ? findAll<T>(name, { _id: command().in(unique) }, [], unique.length) : Promise.resolve([])
}
/** The votes of a page of matters. */
export const votesByIds = (ids: string[]) => byIds<VoteDoc>('councilVotes', ids)
/** Roll entries of (vote, key) pairs, whichever exist. */
export const rollEntriesOf = (pairs: { voteId: string; key: string }[]) =>
  byIds<RollEntryDoc>(
    'rollEntries',
    pairs.map((p) => receiptId(p.voteId, p.key)),
  )
/** Receipts of (vote, key) pairs, whichever exist. */
export const receiptsOf = (pairs: { voteId: string; key: string }[]) =>
  byIds<VoteReceiptDoc>(
    'voteReceipts',
    pairs.map((p) => receiptId(p.voteId, p.key)),
  )

/** Roll entries per insert request (CloudBase takes an array in one `add`); a 9 000-person roll is 18 requests. */
const ROLL_BATCH = 500

/**
 * Opens a vote. The roll and the tally shards are written first, under ids made from this opening's own vote id (so
 * two openings racing never write each other's entries); then the vote and the matter change together in one
 * transaction, only if the matter is still the version decided on. An opening that loses the race or dies half-way
 * leaves entries of a vote id that never comes to exist.
 */
export async function openVote(vote: VoteDoc, roll: RollEntryDoc[], before: MatterDoc, next: MatterDoc): Promise<boolean> {
  for (let i = 0; i < roll.length; i += ROLL_BATCH * 4) {
    const chunks = []
    for (let j = i; j < Math.min(roll.length, i + ROLL_BATCH * 4); j += ROLL_BATCH) chunks.push(roll.slice(j, j + ROLL_BATCH))
    await Promise.all(chunks.map((chunk) => collection('rollEntries').add(chunk)))
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

/**
 * One ballot, atomically: reads the voter's tally shard, their receipt and the paper number's receipt, asks `decide`
 * (domain/ballot.ts `decideCast`), and writes the receipt (whose id makes a second vote by the same person or
 * household collide, online or on paper alike), the ballot (no name, no time) and the count in the shard. The shard
 * read inside the transaction is the gate: once closing has sealed it a cast is refused, and a cast racing the seal
 * conflicts with it, so every acknowledged ballot is in the tally and none arrives after.
 */
export async function castBallot(
  voteId: string,
  key: string,
  paperNo: string | null,
  decide: (s: CastState, ids: { receipt: string; paper: string; ballot: string }) => CastWrites,
): Promise<void> {
  await retrying(() =>
    runTransaction(async (tx) => {
      const shard = await txGet<TallyShardDoc>(tx, 'tallyShards', shardId(voteId, key))
      const receipt = await txGet<VoteReceiptDoc>(tx, 'voteReceipts', receiptId(voteId, key))
      const paperUsed = paperNo ? !!(await txGet(tx, 'voteReceipts', paperId(voteId, paperNo))) : false
      const w = decide({ shard, receipt, paperUsed }, { receipt: receiptId(voteId, key), paper: paperNo ? paperId(voteId, paperNo) : '', ballot: newId() })
      if (w.paperReceipt) await txPut(tx, 'voteReceipts', w.paperReceipt)
      await txPut(tx, 'voteReceipts', w.receipt)
      await txPut(tx, 'ballots', w.ballot)
      await txPut(tx, 'tallyShards', w.shard)
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
  sum(
    await findAll<TallyShardDoc>('tallyShards', defined({ voteId: vote._id }), [], SHARDS),
    vote.choices.map((c) => c.id),
  )

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
      return sum(
        shards,
        vote.choices.map((c) => c.id),
      )
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
  collection('councilVotes')
    .where(defined({ _id: voteId, state: 'open' }))
    .update({ closesAt: at })

/** Open votes whose time is up, for the timer. */
export const dueVotes = (now: string, max = 50) =>
  // a batch: the timer closes these and finds the next ones on its following run
  findFirst<VoteDoc>('councilVotes', { state: 'open', closesAt: command().lte(now) }, [{ field: 'closesAt', order: 'asc' }], max)

/**
 * A page of the roll with who has voted and how (never what), in building / unit / room order; `q` finds a name or
 * room, or — typed as a number — the entry of that number printed on a paper ballot.
 */
export async function rollPage(
  vote: Pick<VoteDoc, '_id' | 'rollToken'>,
  paging: { page: number; pageSize: number },
  q?: string,
): Promise<Paged<RollEntryDoc & { receipt: VoteReceiptDoc | null }>> {
  const _ = command()
  const ofVote = defined({ voteId: vote._id, rollToken: vote.rollToken })
  const seq = q ? seqOf(q) : null
  const where = !q ? ofVote : seq === null ? { ...ofVote, label: pattern(literal(q)) } : _.and([ofVote, _.or([{ label: pattern(literal(q)) }, { seq }])])
  const [rows, count] = await Promise.all([
    collection('rollEntries')
      .where(where)
      .orderBy('order', 'asc')
      .orderBy('label', 'asc')
      .skip((paging.page - 1) * paging.pageSize)
      .limit(paging.pageSize)
      .get(),
    collection('rollEntries').where(where).count(),
  ])
  const entries = (rows.data ?? []) as RollEntryDoc[]
  const receipts = entries.length
    ? await findAll<VoteReceiptDoc>('voteReceipts', { _id: command().in(entries.map((e) => receiptId(vote._id, e.key))) }, [], entries.length)
    : []
  const byKey = new Map(receipts.map((r) => [r.key, r]))
  return { items: entries.map((e) => ({ ...e, receipt: byKey.get(e.key) ?? null })), ...paging, total: count.total ?? 0 }
}

/** Every entry of a vote's roll in its numbered order, for printing its ballots and its sign-in sheet. */
export const wholeRollOf = async (vote: Pick<VoteDoc, '_id' | 'rollToken'>): Promise<RollEntryDoc[]> =>
  (await findAll<RollEntryDoc>('rollEntries', defined({ voteId: vote._id, rollToken: vote.rollToken }), [{ field: '_id', order: 'asc' }], 100_000)).sort(
    (a, b) => (a.seq ?? Infinity) - (b.seq ?? Infinity),
  )

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
  const res = await collection('objections')
    .where({ _id: id, answer: null })
    .update({ answer: command().set(answer) })
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
