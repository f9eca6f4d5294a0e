import type { VolunteerActivityDoc } from '../../types'

/** One volunteer activity two days ahead, and the clock and code secret the volunteer rule tests share. */
export const MIN = 60_000
export const NOW = new Date('2026-11-22T01:00:00.000Z')
export const START = '2026-11-24T01:00:00.000Z'
export const END = '2026-11-24T03:00:00.000Z'
export const DEADLINE = '2026-11-23T01:00:00.000Z'
export const at = (iso: string, minutes: number) => new Date(Date.parse(iso) + minutes * MIN)
export const SECRET = '5f'.repeat(32)

export const activity = (over: Partial<VolunteerActivityDoc> = {}): VolunteerActivityDoc => ({
  _id: 'a1',
  communityId: 'c',
  streetId: 's',
  title: '清扫',
  description: '',
  place: '广场',
  startAt: START,
  endAt: END,
  deadline: DEADLINE,
  capacity: 2,
  organiser: '社区',
  skills: [],
  codeSecret: SECRET,
  createdBy: 'staff',
  createdByName: '陈静',
  createdAt: NOW.toISOString(),
  updatedAt: NOW.toISOString(),
  ...over,
})
