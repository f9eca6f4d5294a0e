import { demoIds } from '../../local/demo'
import { collection, getById } from '../../cloudfunctions/_core/repos/base'
import type { UserDoc, VolunteerSignupDoc, WishDoc, WishView } from '../../types'
import { rid } from '../support/requestIds'
import { NOW, P, XINGFU, as, ok } from '../support/world'

const HOUR = 3_600_000

/** Tomorrow 10:00 (Shanghai): when the default wish wants help. */
export const TOMORROW = new Date('2026-11-23T10:00:00+08:00')
export const later = (base: Date, hours: number) => new Date(base.getTime() + hours * HOUR)

export const wishInput = (extra: Partial<{ title: string; description: string; wantedAt: string; householdId: string }> = {}) => ({
  communityId: XINGFU,
  requestId: rid('wish'),
  title: '帮忙换一下厨房的灯泡',
  description: '老人独居，够不着，灯泡已经买好了。',
  wantedAt: TOMORROW.toISOString(),
  ...extra,
})

/** A wish 李建国 (4栋2单元502) posts. */
export const posted = async (extra: Parameters<typeof wishInput>[0] = {}, by: string = P.resident2): Promise<WishView> =>
  ok(await as(by)('wishes', 'post', wishInput(extra)))

/** A wish 李建国 posts and staff 陈静 approve: open for claiming. */
export async function openWish(extra: Parameters<typeof wishInput>[0] = {}, by: string = P.resident2): Promise<WishView> {
  const w = await posted(extra, by)
  return ok(await as(P.staff)('wishes', 'review', { wishId: w.id, approve: true }))
}

export const storedWish = async (id: string) => (await getById<WishDoc>('wishes', id))!

/** The service entries a wish wrote to volunteer records (there must be at most one). */
export const serviceEntries = async (wishId: string) => {
  const { findAll } = await import('../../cloudfunctions/_core/repos/base')
  return findAll<VolunteerSignupDoc>('volunteerSignups', { activityId: `wish:${wishId}` })
}

/** `n` residents of 幸福社区 who hold a place on a volunteer activity (so they may claim wishes), living in `home`. */
export async function volunteersAt(n: number, home: { b: number; u: number; room: string } | null = null, prefix = 'wx-wv'): Promise<string[]> {
  const ids = Array.from({ length: n }, (_, i) => `${prefix}-${String(i).padStart(3, '0')}`)
  const householdIds = home ? [demoIds.household(XINGFU, home.b, home.u, home.room)] : []
  for (const [i, openid] of ids.entries()) {
    const user: UserDoc = {
      _id: openid,
      name: `志愿者${i}`,
      phone: `1370000${String(i).padStart(4, '0')}`,
      roles: [{ role: 'resident', communityId: XINGFU, streetId: 'st-chunhui', grantedAt: NOW.toISOString(), grantedBy: null }],
      householdIds,
      createdAt: NOW.toISOString(),
      updatedAt: NOW.toISOString(),
    }
    await collection('users').add(user)
    const signup: VolunteerSignupDoc = {
      _id: `va-past|${openid}`,
      activityId: 'va-past',
      communityId: XINGFU,
      openid,
      name: user.name,
      startAt: '2026-10-01T01:00:00.000Z',
      seq: i + 1,
      status: 'confirmed',
      signedUpAt: '2026-09-30T01:00:00.000Z',
      cancelledAt: null,
      promotedAt: null,
      checkinAt: null,
      checkoutAt: null,
      minutes: null,
      recorderOpenid: null,
      recorderName: null,
      adjustments: [],
      version: 1,
    }
    await collection('volunteerSignups').add(signup)
  }
  return ids
}

/** An open wish of 幸福社区 (id w-xingfu) 李建国 asked for, for the access matrix. */
export async function wishFixture(): Promise<void> {
  const at = NOW.toISOString()
  const doc: WishDoc = {
    _id: 'w-xingfu',
    communityId: XINGFU,
    streetId: 'st-chunhui',
    gridId: demoIds.grid(XINGFU, 1),
    buildingId: demoIds.building(XINGFU, 4),
    unitId: demoIds.unit(XINGFU, 4, 2),
    householdId: demoIds.household(XINGFU, 4, 2, '502'),
    buildingName: '4栋',
    unitName: '2单元',
    title: '换灯泡',
    description: '',
    wantedAt: TOMORROW.toISOString(),
    requesterOpenid: P.resident2,
    requesterName: '李建国',
    requesterMemberId: null,
    postedBy: { openid: P.resident2, name: '李建国', staff: false },
    state: 'open',
    flagged: false,
    review: { approved: true, reason: null, byOpenid: P.staff, byName: '陈静', at },
    claim: null,
    claimExpiresAt: null,
    releases: [],
    done: null,
    credit: null,
    cancelled: null,
    version: 1,
    createdAt: at,
    updatedAt: at,
  }
  await collection('wishes').add(doc)
}
