import type { Community, VolunteerSignupDoc, volunteersContract } from '../../../types'
import { credited, dateOf, hoursOf, minuteOf, yearOf, yearRange } from '../../_core/domain/volunteers'
import { maskPhone } from '../../_core/mask'
import { activitiesByIds, signupsOfCommunity } from '../../_core/repos/volunteers'
import { findUsers } from '../../_core/repos/users'
import type { Ctx, Handler } from '../../_core/serve'
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

/** The record's rows, cell by cell, oldest service first: what the CSV here and the workbook of `sheets` both write. */
export async function recordRows(signups: VolunteerSignupDoc[]): Promise<(string | number)[][]> {
  const rows = signups.filter(credited)
  const [activities, users] = await Promise.all([activitiesByIds(rows.map((s) => s.activityId)), findUsers(rows.map((s) => s.openid))])
  const activity = new Map(activities.map((a) => [a._id, a]))
  const user = new Map(users.map((u) => [u._id, u]))
  return rows
    .sort((x, y) => x.startAt.localeCompare(y.startAt) || x.name.localeCompare(y.name, 'zh'))
    .map((s) => {
      const a = activity.get(s.activityId)
      return [
        user.get(s.openid)?.name || s.name,
        maskPhone(user.get(s.openid)?.phone) ?? '',
        a?.organiser ?? s.service?.organiser ?? '',
        a?.title ?? s.service?.title ?? '',
        (a?.description || a?.title || s.service?.content || '').replace(/\s+/g, ' ').trim(),
        a?.place ?? s.service?.place ?? '',
        dateOf(s.startAt),
        s.checkinAt ? minuteOf(s.checkinAt) : '',
        s.checkoutAt ? minuteOf(s.checkoutAt) : '',
        hoursOf(s.minutes!),
        s.recorderName ?? '',
      ]
    })
}

/** Whose service an export holds: a volunteer's (all years, or one), or the whole community's in a year. */
export async function recordSelection(
  input: { communityId: string; openid?: string; year?: number },
  ctx: Ctx,
): Promise<{ community: Community; title: string; signups: VolunteerSignupDoc[] }> {
  const community = await ctx.community(input.communityId)
  if (input.openid !== undefined) {
    const v = await volunteerOf(ctx, community, input.openid)
    const signups = input.year === undefined ? v.signups : v.signups.filter((s) => yearOf(s.startAt) === input.year)
    return { community, title: `${v.name || '志愿者'}${input.year === undefined ? '' : `-${input.year}年`}`, signups }
  }
  const { from, to } = yearRange(input.year!)
  return { community, title: `${community.name}-${input.year}年`, signups: await signupsOfCommunity(community._id, from, to) }
}

/** A volunteer's record, or the community's service in a year, as a CSV Excel opens (UTF-8 with BOM). */
export const exportRecord: Handler<typeof volunteersContract.actions.export> = async (input, ctx) => {
  const { title, signups } = await recordSelection(input, ctx)
  const rows = (await recordRows(signups)).map(csvLine)
  return {
    csv: '\uFEFF' + [csvLine(EXPORT_HEADER), ...rows].join('\r\n') + '\r\n',
    filename: `志愿服务记录-${title}.csv`,
    rows: rows.length,
  }
}
