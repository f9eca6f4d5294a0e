import { codeForStep, stepOf } from '../../cloudfunctions/_core/domain/volunteers'
import { collection, getById } from '../../cloudfunctions/_core/repos/base'
import type { ActivityView, UserDoc, VolunteerActivityDoc } from '../../types'
import { rid } from '../support/requestIds'
import { NOW, P, XINGFU, as, ok } from '../support/world'

const MIN = 60_000

/** NOW is Sunday 2026-11-22 09:00 (Shanghai); the default activity: Tuesday 09:00–11:00, sign-up until Monday 09:00. */
export const DEADLINE = new Date('2026-11-23T09:00:00+08:00')
export const START = new Date('2026-11-24T09:00:00+08:00')
export const END = new Date('2026-11-24T11:00:00+08:00')
export const at = (base: Date, minutes: number) => new Date(base.getTime() + minutes * MIN)

export type PublishInput = {
  title: string
  description: string
  place: string
  startAt: string
  endAt: string
  deadline: string
  capacity: number
  organiser: string
  skills: string[]
}

export const activityInput = (extra: Partial<PublishInput> = {}) => ({
  communityId: XINGFU,
  requestId: rid('vol'),
  title: '楼道清扫志愿活动',
  description: '清理楼道堆物，擦洗扶手。',
  place: '幸福社区3栋楼下',
  startAt: START.toISOString(),
  endAt: END.toISOString(),
  deadline: DEADLINE.toISOString(),
  capacity: 10,
  organiser: '幸福社区党委',
  skills: ['体力劳动'],
  ...extra,
})

/** An activity published by staff 陈静. */
export const published = async (extra: Partial<PublishInput> = {}, by: string = P.staff): Promise<ActivityView> =>
  ok(await as(by)('volunteers', 'publish', activityInput(extra)))

export const storedActivity = async (id: string) => (await getById<VolunteerActivityDoc>('volunteerActivities', id))!

/** The code the organiser's phone shows at the current clock, as staff ask for it. */
export const shownCode = async (activityId: string) => ok(await as(P.staff)('volunteers', 'checkinCode', { activityId })).code

/** A 6-digit code that none of the accepted steps (now −1, 0, +1) produce: a forgery. */
export async function forgedCode(activityId: string, now: Date): Promise<string> {
  const { codeSecret } = await storedActivity(activityId)
  const valid = new Set([-1, 0, 1].map((d) => codeForStep(codeSecret, stepOf(now) + d)))
  for (let n = 123456; ; n = (n + 1) % 1_000_000) {
    const c = String(n).padStart(6, '0')
    if (!valid.has(c)) return c
  }
}

/** `n` named residents of 幸福社区 with phones, inserted directly. */
export async function volunteers(n: number, prefix = 'wx-vol'): Promise<string[]> {
  const ids = Array.from({ length: n }, (_, i) => `${prefix}-${String(i).padStart(3, '0')}`)
  for (const [i, openid] of ids.entries()) {
    const user: UserDoc = {
      _id: openid,
      name: `志愿者${i}`,
      phone: `1390000${String(i).padStart(4, '0')}`,
      roles: [{ role: 'resident', communityId: XINGFU, streetId: 'st-chunhui', grantedAt: NOW.toISOString(), grantedBy: null }],
      householdIds: [],
      createdAt: NOW.toISOString(),
      updatedAt: NOW.toISOString(),
    }
    await collection('users').add(user)
  }
  return ids
}

/** An activity of 幸福社区 (id va-xingfu) two days ahead, for the access matrix. */
export async function volunteerFixture(): Promise<void> {
  const doc: VolunteerActivityDoc = {
    _id: 'va-xingfu',
    communityId: XINGFU,
    streetId: 'st-chunhui',
    title: '清扫',
    description: '',
    place: '广场',
    startAt: START.toISOString(),
    endAt: END.toISOString(),
    deadline: DEADLINE.toISOString(),
    capacity: 5,
    organiser: '幸福社区',
    skills: [],
    codeSecret: 'ab'.repeat(32),
    createdBy: P.staff,
    createdByName: '陈静',
    createdAt: NOW.toISOString(),
    updatedAt: NOW.toISOString(),
  }
  await collection('volunteerActivities').add(doc)
}
