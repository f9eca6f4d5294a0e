import type { Role } from './core'
import type { TicketEventType, TicketLevel, TicketState } from './tickets'
import type { CouncilStage, MatterKind, MatterState, RollKind, VoteRule, VoteUnit } from './councilLabels'
import type { Ownership } from './registerLabels'
import type { NoticeKind, NoticeScope } from './noticeLabels'
import type { CommunitySettings, StoredSettings } from './settings'

/**
 * Stored documents, one interface per collection. Every record below the street carries its `communityId`,
 * so a query can always be scoped to the caller's community.
 */
export interface StreetDoc {
  _id: string
  name: string
  district: string
}

export interface CommunityDoc {
  _id: string
  streetId: string
  name: string
  /** community-level settings as stored: any known key may be missing or malformed (types/settings.ts) */
  settings: StoredSettings
  createdAt: string
}

/** A community as the repository answers it: its settings parsed once, every field present (types/settings.ts). */
export type Community = Omit<CommunityDoc, 'settings'> & { settings: CommunitySettings }

export interface GridDoc {
  _id: string
  communityId: string
  streetId: string
  name: string
  /** openids of the grid's members; the leader is also held as a role on the user */
  memberOpenids: string[]
  leaderOpenid: string | null
  createdAt: string
}

export interface BuildingDoc {
  _id: string
  communityId: string
  streetId: string
  gridId: string | null
  name: string
  /** for ordering "2栋" before "10栋" */
  sort: number
  createdAt: string
}

export interface UnitDoc {
  _id: string
  communityId: string
  streetId: string
  buildingId: string
  name: string
  /** stable short place code printed in the stairwell QR code (unique across the deployment) */
  code: string
  sort: number
  createdAt: string
}

export interface HouseholdDoc {
  _id: string
  communityId: string
  streetId: string
  buildingId: string
  unitId: string
  room: string
  /** head of household on the register (kept in step with the members); shown to staff only */
  holderName: string
  /** the household's contact phone (the head's); shown masked */
  phone: string | null
  /** registered exclusive floor area (专有部分面积) in m², for Civil Code art. 278 votes */
  area: number | null
  /** the owner of this dwelling as an exclusive unit; null while the register does not say */
  ownerId: string | null
  /** delivered to its owner, or still the developer's (unsold, or sold and not yet delivered); null with no owner */
  ownership: Ownership | null
  /**
   * The hash of the code printed on the household's bind notice (residents bind with it at once); the code itself is
   * stored nowhere. Null until staff print a notice, or after they revoke it.
   */
  bindCodeHash: string | null
  bindCodeExpiresAt: string | null
  createdAt: string
}

/** A person registered as living in a household (实有人口): the register, whether or not they use the app. */
export interface MemberDoc {
  _id: string
  communityId: string
  streetId: string
  householdId: string
  /** the household's building, so rolls of chosen buildings need no join */
  buildingId: string
  name: string
  /** relation to the head of household: 户主, 配偶, 子女, … */
  relation: string
  /** 'YYYY-MM-DD' or 'YYYY' as the register has it */
  birth: string | null
  /** said outright where no birth date is registered (是否成年) */
  adult: boolean | null
  phone: string | null
  /** the app user who is this member: one member, one person */
  openid: string | null
  createdAt: string
  updatedAt: string
}

/**
 * An owner identity (业主): a person or organisation owning one or more exclusive units of the community, or the
 * developer holding the unsold and undelivered ones. Units point to it (`HouseholdDoc.ownerId`); an owners' vote
 * counts one per identity, with the area of all its units in the matter's buildings.
 */
export interface OwnerDoc {
  _id: string
  communityId: string
  streetId: string
  kind: 'person' | 'developer'
  /** 张三, or 张三、李四 for a unit owned together (one unit, one owner), or the developer's name */
  name: string
  /** what makes two rows the same owner: `${kind}:${ref || name}` (ref: the number staff gave the owner) */
  key: string
  ref: string | null
  /** the app user who is this owner, matched by staff */
  openid: string | null
  createdAt: string
  updatedAt: string
}

export interface RoleGrant {
  role: Role
  /** null for street_staff, who hold their role per street */
  communityId: string | null
  streetId: string
  grantedAt: string
  grantedBy: string | null
}

export interface UserDoc {
  /** the caller's OPENID, as WeChat attaches it */
  _id: string
  name: string
  phone: string | null
  roles: RoleGrant[]
  householdIds: string[]
  /** the register's members this person is (at most one per community) */
  memberIds?: string[]
  /** owner identities this person is, as staff matched them */
  ownerIds?: string[]
  /** set when the person asked to delete their account: a second request finishes the same deletion */
  deleting?: { pseudonym: string; deletionId: string; at: string }
  createdAt: string
  updatedAt: string
}

export interface InviteDoc {
  /** the code itself: short, typed or scanned once */
  _id: string
  communityId: string
  streetId: string
  role: Role
  gridId: string | null
  createdBy: string
  createdAt: string
  expiresAt: string
  usedBy: string | null
  usedAt: string | null
}

export type BindingStatus = 'pending' | 'approved' | 'rejected'

export interface BindingRequestDoc {
  _id: string
  openid: string
  name: string
  communityId: string
  streetId: string
  householdId: string
  /** who the person says they are: a member of the household (the default) or its owner */
  claim?: 'member' | 'owner'
  /** for a member claim made with the household's bind code: the household is bound already, only the member is to match */
  bound?: boolean
  status: BindingStatus
  reason: string | null
  createdAt: string
  decidedAt: string | null
  decidedBy: string | null
}

// Tickets ------------------------------------------------------------------------------------------------------

export interface TicketTimelineEntry {
  at: string
  event: TicketEventType
  /** 'system' for the sweeper and automatic routing */
  actorOpenid: string
  actorRole: Role | 'system'
  note: string | null
  photos: string[]
  /** the level escalated to, the openid transferred to, the ticket merged into, the score rated … */
  detail: string | null
}

export interface TicketDoc {
  /** deterministic from the reporter and the request id, so a retried submit collides instead of duplicating */
  _id: string
  communityId: string
  streetId: string
  gridId: string | null
  buildingId: string
  unitId: string
  placeCode: string
  /** "3栋 2单元" */
  placeLabel: string
  category: string
  categoryLabel: string
  text: string
  photos: string[]
  reporterOpenid: string
  reporterName: string
  reporterPhone: string | null
  reporterHouseholdId: string | null
  anonymous: boolean
  /** 代办: staff filed it for a resident who phoned or came in */
  filedBy: { openid: string; channel: 'phone' | 'visit' } | null
  state: TicketState
  level: TicketLevel
  assigneeOpenid: string | null
  /** openids following: the reporter and everyone who said "me too" */
  followers: string[]
  /** households counted once each for "me too" */
  followerHouseholds: string[]
  respondBy: string
  resolveBy: string
  respondedAt: string | null
  resolvedAt: string | null
  closedAt: string | null
  overdueRespond: boolean
  overdueResolve: boolean
  resolution: { note: string; photos: string[]; at: string; byOpenid: string } | null
  confirmation: 'confirmed' | 'unconfirmed' | null
  rating: { score: number; comment: string | null; at: string } | null
  reopenCount: number
  mergedInto: string | null
  /** highest level the ticket ever reached: "closed inside the grid" means it never left level grid */
  maxLevel: TicketLevel
  timeline: TicketTimelineEntry[]
  /** bumped on every write; updates are conditional on it, so two concurrent transitions cannot both land */
  version: number
  /**
   * Content security: 'pending' while text or photos await a person's review (neighbours do not see them),
   * 'rejected' when staff kept them hidden; null/absent when the check passed.
   */
  moderation?: ModerationStatus | null
  /** when the photos were deleted, the community's retention having passed since the ticket closed */
  photosPurgedAt?: string | null
  /** 回访: one per closing the sampling picked (domain/callbackSample.ts), oldest first; absent when never picked */
  callbacks?: TicketCallback[]
  /** the latest callback's status and when it may next be called, kept beside the list for the queue's index */
  callbackStatus?: CallbackStatus | null
  callbackDueAt?: string | null
  createdAt: string
  updatedAt: string
}

/** Why a closed ticket was picked for a callback (see domain/callbackSample.ts). */
export type CallbackReason = 'lowRating' | 'unconfirmed' | 'recheck' | 'share'
/**
 * open: to be called (or called again on a later day); done: the resident was reached and answered; unreachable:
 * nobody answered on three different days.
 */
export type CallbackStatus = 'open' | 'done' | 'unreachable'

/** One callback (回访) of a ticket, following one closing of it: someone other than its handlers calls the reporter. */
export interface TicketCallback {
  /** the closing it follows (the ticket's closedAt then): a closing is sampled once */
  closedAt: string
  sampledAt: string
  reason: CallbackReason
  /** the community's share (percent) when it was sampled: with the ticket id it reproduces the draw */
  share: number
  status: CallbackStatus
  /** not to be called before this: the next morning after a call nobody answered */
  dueAt: string
  /** who is calling now, so two callers never ring the same resident at once; lapses after a while */
  takenBy: { openid: string; at: string } | null
  /** calls nobody answered, in order, with what the caller noted (空号, 停机, …) */
  unreached: { at: string; byOpenid: string; note: string | null }[]
  result: { at: string; byOpenid: string; fixed: boolean; satisfaction: number; note: string | null } | null
  endedAt: string | null
}

// Council (四议两公开) -------------------------------------------------------------------------------------------

export interface StageRecord {
  stage: CouncilStage
  /** when it was recorded */
  at: string
  byOpenid: string
  byName: string
  byRole: Role | 'system'
  /** the meeting's date (YYYY-MM-DD) where the stage is a meeting */
  date: string | null
  minutes: string | null
  attendance: { present: number; expected: number } | null
  attendees: string | null
  outcome: 'agreed' | 'rejected' | 'withdrawn' | 'published'
  /** a recorded show of hands */
  votes: { for: number; against: number; abstain: number } | null
  reason: string | null
  /** the vote that decided the stage, if it was a vote */
  voteId: string | null
}

export interface MatterDoc {
  _id: string
  communityId: string
  streetId: string
  title: string
  /** community matter or an item of Civil Code art. 278 (absent on matters from before: community) */
  kind?: MatterKind
  background: string
  /** alternative plans put to the vote; empty: the vote is for / against the proposal as drafted */
  options: string[]
  attachments: string[]
  /** tickets that led to the matter (evidence); the published result links back to them */
  ticketIds: string[]
  /** buildings concerned; empty: the whole community */
  buildingIds: string[]
  state: MatterState
  records: StageRecord[]
  /** the vote under way in this stage, if any */
  activeVoteId: string | null
  /** 1 while a vote is under way (activeVoteId set), else 0: kept by the domain with activeVoteId, so lists sort by a
   * field of one type (an index walks it in order). Absent on matters stored before it; the sweeper fills it in */
  voting?: 0 | 1
  publication: { text: string; at: string; until: string; byOpenid: string } | null
  result: { text: string; photos: string[]; at: string; byOpenid: string } | null
  proposedBy: string
  version: number
  createdAt: string
  updatedAt: string
}

export interface VoteChoice {
  id: string
  label: string
  /** an approving choice can carry the matter; 反对 and 弃权 cannot */
  approving: boolean
}

export interface VoteTally {
  choices: { id: string; count: number; area: number }[]
  participants: number
  /** floor area in 0.01 m² (integers, so thresholds compare exactly) */
  participantArea: number
}

export interface VoteDoc {
  _id: string
  matterId: string
  communityId: string
  streetId: string
  stage: 'review' | 'resolution'
  rollKind: RollKind
  buildingIds: string[]
  unit: VoteUnit
  rule: VoteRule
  secret: boolean
  choices: VoteChoice[]
  opensAt: string
  closesAt: string
  state: 'open' | 'closed'
  /** the roll: fixed at opening; its entries carry this token so a stale entry of an aborted opening never counts */
  rollToken: string
  rollCount: number
  rollArea: number
  /** how the roll was drawn from the register, said in words on the result (absent on votes from before) */
  rollBasis?: RollBasis
  tally: VoteTally | null
  result: {
    passed: boolean
    adopted: string | null
    figures: { key: string; label: string; value: number; of: number; threshold: string; met: boolean }[]
  } | null
  closedAt: string | null
  openedBy: string
  createdAt: string
}

/** What a roll was drawn from, kept with the vote so its figures can be explained (and recounted) later. */
export interface RollBasis {
  /** person rolls of residents: adult members on the register; representatives and party members: role holders */
  people?: number
  households?: number
  /** owners' rolls: identities, of which developers (unsold and undelivered units together count one) */
  owners?: number
  developers?: number
  /** exclusive units and how many owners hold more than one */
  units?: number
  multiUnitOwners?: number
  /** members of the register below 18 (left off a residents' roll), for the record */
  minors?: number
  /** members in scope who use the app (the rest vote on paper or at the meeting) */
  online?: number
}

export interface RollEntryDoc {
  /** `${voteId}|${key}` */
  _id: string
  voteId: string
  /** member id (residents, one person one vote), openid (representatives, party members), household id or owner id */
  key: string
  label: string
  /** sorts the roll by building, unit and room */
  order?: string
  area: number
  rollToken: string
  /**
   * The entry's number, 1… in roll order, fixed at opening: printed on its paper ballot and on the sign-in sheet, shown
   * and searchable in paper entry. Absent on rolls drawn before numbering.
   */
  seq?: number
  /** register rolls: the name and the dwelling(s) apart, so a printed sheet can mask the name and keep the room */
  name?: string
  place?: string
  /** an owners' roll: the developer's unsold and undelivered units (an organisation: its name is not masked) */
  developer?: boolean
}

/** Who voted and how: never what, for a secret ballot. Its id `${voteId}|${key}` is what makes a second vote collide. */
export interface VoteReceiptDoc {
  _id: string
  voteId: string
  key: string
  channel: 'online' | 'paper'
  /** the person who cast it online, or whom staff entered it for */
  voterOpenid: string | null
  enteredBy: string | null
  paperNo: string | null
  /** open ballots only */
  choice: string | null
  at: string
}

/** The ballot itself: the choice and its weight, with nothing that names or dates the voter. */
export interface BallotDoc {
  _id: string
  voteId: string
  choice: string
  area: number
}

/** One of a vote's tally shards: casts add to one, closing seals them all (see repos/council.ts). */
export interface TallyShardDoc {
  _id: string
  voteId: string
  sealed: boolean
  counts: Record<string, { count: number; area: number }>
}

export interface ObjectionDoc {
  _id: string
  matterId: string
  communityId: string
  byOpenid: string
  byName: string
  text: string
  at: string
  answer: { text: string; at: string; byOpenid: string; byName: string } | null
  /** content security: pending/rejected objections are shown to staff and their author only */
  moderation?: ModerationStatus | null
}

// Volunteers (志愿服务) and in-service party members (双报到) ---------------------------------------------------

export interface VolunteerActivityDoc {
  /** deterministic from the publisher and the request id, so a retried publish collides */
  _id: string
  communityId: string
  streetId: string
  title: string
  description: string
  place: string
  startAt: string
  endAt: string
  deadline: string
  capacity: number
  organiser: string
  skills: string[]
  /** the check-in codes' key: never leaves the functions (organisers get codes, not the secret) */
  codeSecret: string
  createdBy: string
  createdByName: string
  createdAt: string
  updatedAt: string
}

/**
 * Who holds the activity's places, in arrival order: the one document every sign-up and cancel changes in a
 * transaction, so places are handed out exactly once however many arrive together. Created by the first sign-up.
 */
export interface VolunteerRosterDoc {
  /** the activity's id */
  _id: string
  /** the next arrival's sequence number */
  nextSeq: number
  /** openids holding a place */
  confirmed: string[]
  /** openids waiting, first in line first */
  waitlist: string[]
}

export interface HoursAdjustment {
  at: string
  byOpenid: string
  byName: string
  /** minutes before and after; null: nothing had been credited */
  oldMinutes: number | null
  newMinutes: number
  reason: string
}

/** One person on one activity. Its id `${activityId}|${openid}` makes a retried sign-up land on the same record. */
export interface VolunteerSignupDoc {
  _id: string
  activityId: string
  communityId: string
  openid: string
  /** as the person was named when signing up */
  name: string
  /** the activity's start, copied so records sort and group by year without reading activities */
  startAt: string
  /** arrival order; a new sign-up after cancelling arrives again */
  seq: number
  status: 'confirmed' | 'waitlisted' | 'cancelled'
  signedUpAt: string
  cancelledAt: string | null
  /** when a waitlisted sign-up moved up to a place */
  promotedAt: string | null
  checkinAt: string | null
  checkoutAt: string | null
  /** credited service time in whole minutes; null until checked out or set by staff */
  minutes: number | null
  /** who confirmed the hours: the activity's publisher (whose code was shown), or the staff who corrected them */
  recorderOpenid: string | null
  recorderName: string | null
  adjustments: HoursAdjustment[]
  /** bumped on every write; updates are conditional on it */
  version: number
  /**
   * Service that was no activity: a small wish (微心愿) fulfilled, credited when its requester or staff confirmed it.
   * `activityId` is then `wish:<wishId>` (no activity has it), and the record shows these words instead of an activity's.
   */
  service?: { kind: 'wish'; refId: string; title: string; content: string; place: string; organiser: string }
}

/** An in-service party member registered with the community they live in; id `${communityId}|${openid}`. */
export interface PartyRegistrationDoc {
  _id: string
  communityId: string
  streetId: string
  openid: string
  name: string
  workplace: string
  branchName: string
  registeredAt: string
  updatedAt: string
}

// Notices ---------------------------------------------------------------------------------------------------------

export interface NoticeDoc {
  _id: string
  communityId: string
  streetId: string
  kind: NoticeKind
  title: string
  body: string
  images: string[]
  files: { fileID: string; name: string }[]
  audience: { scope: NoticeScope; gridIds: string[]; buildingIds: string[] }
  pinned: boolean
  expiresAt: string | null
  publishedBy: string
  publishedByName: string
  publishedAt: string
  withdrawnAt: string | null
  /** content security: pending/rejected notices are not shown to residents */
  moderation?: ModerationStatus | null
  /** the body's opening, stored at publish so lists read summaries without bodies; absent on older notices */
  excerpt?: string
  /** the audiences it reaches, one key each (domain/notices `reachOf`): what a resident's list looks up by index.
   * Absent on notices stored before it; the sweeper fills it in (sweeper/backfill.ts) */
  reach?: string[]
}

// Moderation (content security) ----------------------------------------------------------------------------------

export type ModerationStatus = 'pending' | 'published' | 'rejected'
export type ModerationKind = 'ticket' | 'objection' | 'notice'

/** Content WeChat's check answered 'review' for: held from the public until staff publish or reject it. */
export interface ModerationDoc {
  /** `${kind}:${refId}` (with a suffix for later content of the same record), so a retry queues it once */
  _id: string
  communityId: string
  kind: ModerationKind
  refId: string
  text: string
  images: string[]
  byOpenid: string
  status: ModerationStatus
  reason: string | null
  decidedBy: string | null
  decidedAt: string | null
  /** WeChat's labels for the text, and the image checks whose verdict is still to arrive */
  label: number | null
  awaitingTraceIds: string[]
  /** held because of a verdict (text or image), not only because image verdicts are still to arrive */
  judged: boolean
  createdAt: string
}

/** One per reader and notice: its id `${noticeId}|${openid}` makes a second read collide, so readers are unique. */
export interface NoticeReadDoc {
  _id: string
  noticeId: string
  openid: string
  at: string
}
