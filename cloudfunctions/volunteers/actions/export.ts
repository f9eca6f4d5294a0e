import type { VolunteerSignupDoc, volunteersContract } from '../../../types'
import { credited, dateOf, hoursOf, minuteOf, yearOf, yearRange } from '../../_core/domain/volunteers'
import { maskPhone } from '../../_core/mask'
import { activitiesByIds, signupsOfCommunity } from '../../_core/repos/volunteers'
import { findUsers } from '../../_core/repos/users'
import type { Handler } from '../../_core/serve'
import { volunteerOf } from '../record'

/** One CSV cell: quoted when needed; a leading = + - @ is defused so Excel never runs it as a formula. */
const csvCell = (v: unknown): string => {
  let s = v === null || v === undefined ? '' : String(v)
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}
const csvLine = (cells: unknown[]) => cells.map(csvCell).join(',')

/**
 * The service record 《志愿服务记录与证明出具办法（试行）》 (民政部) asks for: the activity's name, date, place, content
 * (服务内容: what was done, the activity's description), hours and recorder, with the organisation that ran it. No ID
 * numbers are collected (personal data only where needed), so the person is told apart by a masked phone number,
 * labelled as what it is.
 */
export const EXPORT_HEADER = [
  '志愿者姓名',
  '联系电话（脱敏）',
  '志愿服务组织',
  '服务项目',
  '服务内容',
  '服务地点',
  '服务日期',
  '签到时间',
  '签退时间',
  '服务时长（小时）',
  '记录人',
]

async function rowsOf(signups: VolunteerSignupDoc[]): Promise<string[]> {
  const rows = signups.filter(credited)
  const [activities, users] = await Promise.all([activitiesByIds(rows.map((s) => s.activityId)), findUsers(rows.map((s) => s.openid))])
  const activity = new Map(activities.map((a) => [a._id, a]))
  const user = new Map(users.map((u) => [u._id, u]))
  return rows
    .sort((x, y) => x.startAt.localeCompare(y.startAt) || x.name.localeCompare(y.name, 'zh'))
    .map((s) => {
      const a = activity.get(s.activityId)
      return csvLine([
        user.get(s.openid)?.name || s.name,
        maskPhone(user.get(s.openid)?.phone) ?? '',
        a?.organiser ?? '',
        a?.title ?? '',
        (a?.description || a?.title || '').replace(/\s+/g, ' ').trim(),
        a?.place ?? '',
        dateOf(s.startAt),
        s.checkinAt ? minuteOf(s.checkinAt) : '',
        s.checkoutAt ? minuteOf(s.checkoutAt) : '',
        hoursOf(s.minutes!),
        s.recorderName ?? '',
      ])
    })
}

/** A volunteer's record, or the community's service in a year, as a CSV Excel opens (UTF-8 with BOM). */
export const exportRecord: Handler<typeof volunteersContract.actions.export> = async (input, ctx) => {
  const community = await ctx.community(input.communityId)
  let signups: VolunteerSignupDoc[]
  let title: string
  if (input.openid !== undefined) {
    const v = await volunteerOf(ctx, community, input.openid)
    signups = input.year === undefined ? v.signups : v.signups.filter((s) => yearOf(s.startAt) === input.year)
    title = `${v.name || '志愿者'}${input.year === undefined ? '' : `-${input.year}年`}`
  } else {
    const { from, to } = yearRange(input.year!)
    signups = await signupsOfCommunity(community._id, from, to)
    title = `${community.name}-${input.year}年`
  }
  const rows = await rowsOf(signups)
  return {
    csv: '\uFEFF' + [csvLine(EXPORT_HEADER), ...rows].join('\r\n') + '\r\n',
    filename: `志愿服务记录-${title}.csv`,
    rows: rows.length,
  }
}
