import { AppError, ROLL_KIND_LABELS, VOTE_UNIT_LABELS, type Community, type MatterDoc, type RollEntryDoc, type StreetDoc, type VoteDoc } from '../../../types'
import { storage } from '../../_core/cloud'
import { ballotNo } from '../../_core/domain/rollNumbers'
import { newId } from '../../_core/ids'
import { maskName } from '../../_core/mask'
import { findMatter, findVote, wholeRollOf } from '../../_core/repos/council'
import { findStreet } from '../../_core/repos/places'
import type { Ctx } from '../../_core/serve'
import { shanghai } from '../../_core/time'
import type { RollPaperHead } from '../rollPapers'

export interface LoadedRoll {
  matter: MatterDoc
  vote: VoteDoc
  community: Community
  street: StreetDoc | null
  /** every entry, in numbered order */
  entries: (RollEntryDoc & { seq: number })[]
}

/**
 * The roll of a matter's vote, for printing. As paper entry: only the community's organisers (two committees) of the
 * matter's own community; and only while the vote can still take ballots (a scheduled vote too: papers are printed
 * before the meeting). Before a vote opens there is no roll to print; a roll drawn before numbering has no numbers to
 * match paper entry, so it is refused rather than printed with numbers paper entry would not know.
 */
export async function loadRoll(ctx: Ctx, matterId: string): Promise<LoadedRoll> {
  const matter = await findMatter(matterId)
  if (!matter) throw new AppError('COUNCIL.NOT_FOUND')
  const community = await ctx.authorize(matter.communityId)
  if (!matter.activeVoteId) throw new AppError('COUNCIL.NO_ROLL')
  const vote = await findVote(matter.activeVoteId)
  if (!vote) throw new AppError('COUNCIL.NO_ROLL')
  if (vote.state !== 'open' || ctx.now.toISOString() >= vote.closesAt) throw new AppError('COUNCIL.VOTE_NOT_OPEN')
  const [entries, street] = await Promise.all([wholeRollOf(vote), findStreet(community.streetId)])
  if (!entries.length || entries.some((e) => !e.seq)) throw new AppError('COUNCIL.ROLL_UNNUMBERED')
  return { matter, vote, community, street, entries: entries as LoadedRoll['entries'] }
}

/** The meeting a roll is for, as its papers are headed: 党员大会表决票, 业主大会签到表… */
export const meetingOf = (vote: Pick<VoteDoc, 'stage' | 'rollKind'>): string =>
  vote.stage === 'review' ? '党员大会' : vote.rollKind === 'owners' ? '业主大会' : vote.rollKind === 'representatives' ? '居民代表会议' : '居民会议'

/** The heading every paper of this roll carries. */
export const headOf = ({ matter, vote, community, street }: LoadedRoll): RollPaperHead => ({
  communityName: community.name,
  streetName: street?.name,
  meeting: meetingOf(vote),
  title: matter.title,
  deadline: shanghaiTime(vote.closesAt),
})

export const rollLabelOf = (vote: Pick<VoteDoc, 'rollKind' | 'unit'>) => `${ROLL_KIND_LABELS[vote.rollKind]} · ${VOTE_UNIT_LABELS[vote.unit]}`

/** '2026年11月29日 09:00' in Shanghai time. */
export const shanghaiTime = (iso: string): string => shanghai(iso).format('YYYY年M月D日 HH:mm')

/** 王秀英 → 王**; owners holding a flat together (张三、李四) → 张*、李*. */
const maskNames = (names: string) =>
  names
    .split('、')
    .map((n) => maskName(n.trim()))
    .join('、')

/**
 * The name as printed on paper that other people handle (a sign-in sheet passed along a row of neighbours, a ballot
 * carried to a flat): residents and owners masked as the app shows residents to one another (maskName), their flat in
 * full so each finds their own line — staff see the full names in paper entry. A developer is an organisation and is
 * named. Representatives and party members are printed by name: their roll has no flat to find a line by, a masked
 * name would not tell 王** from 王**, and their sheet goes round a meeting of that same body, whose members know each
 * other as its members.
 */
export function printedName(vote: Pick<VoteDoc, 'rollKind'>, e: RollEntryDoc): string {
  if (vote.rollKind === 'representatives' || vote.rollKind === 'party_members') return e.label
  if (e.developer) return `开发商 ${e.name ?? ''}`.trim()
  return maskNames(e.name ?? '')
}

export const numberOf = (vote: Pick<VoteDoc, 'rollCount'>, e: { seq: number }) => ballotNo(e.seq, vote.rollCount)

/** A printed paper goes where bind notices go: private, under a random name, reached by a link valid 15 minutes. */
export async function storePaper(kind: 'ballots' | 'signin', communityId: string, pdf: Uint8Array): Promise<{ fileID: string; url: string }> {
  const { fileID } = await storage.uploadFile({ cloudPath: `private/${kind}/${communityId}/${newId()}.pdf`, fileContent: Buffer.from(pdf) })
  const [file] = await storage.getTempFileURL([fileID])
  return { fileID, url: file.tempFileURL }
}
