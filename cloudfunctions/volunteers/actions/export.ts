import type { CommunityDoc, VolunteerSignupDoc, volunteersContract } from '../../../types'
import { credited, dateOf, hoursOf, yearOf, yearRange } from '../../_core/domain/volunteers'
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

/** The fields 《志愿服务记录与证明出具办法》 (民政部) asks of a service record. */
export const EXPORT_HEADER = ['志愿者姓名', '证件号码（脱敏）', '志愿服务组织', '服务项目', '服务日期', '服务时长（小时）', '记录人']

async function rowsOf(community: CommunityDoc, signups: VolunteerSignupDoc[]): Promise<string[]> {
  const rows = signups.filter(credited)
  const [activities, users] = await Promise.all([activitiesByIds(rows.map((s) => s.activityId)), findUsers(rows.map((s) => s.openid))])
  const activity = new Map(activities.map((a) => [a._id, a]))
  const user = new Map(users.map((u) => [u._id, u]))
  return rows
    .sort((x, y) => x.startAt.localeCompare(y.startAt) || x.name.localeCompare(y.name, 'zh'))
    .map((s) => {
      const u = user.get(s.openid)
      // No ID numbers are collected (personal data only where needed): the masked phone number identifies the person.
      const phone = maskPhone(u?.phone)
      return csvLine([u?.name || s.name, phone ? `手机 ${phone}` : '', community.name, activity.get(s.activityId)?.title ?? '', dateOf(s.startAt), hoursOf(s.minutes!), s.recorderName ?? ''])
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
  const rows = await rowsOf(community, signups)
  return {
    csv: '\uFEFF' + [csvLine(EXPORT_HEADER), ...rows].join('\r\n') + '\r\n',
    filename: `志愿服务记录-${title}.csv`,
    rows: rows.length,
  }
}
