import type { sheetsContract, VolunteerSignupDoc } from '../../../types'
import { credited, summarise } from '../../_core/domain/volunteers'
import { findUsers } from '../../_core/repos/users'
import type { Handler } from '../../_core/serve'
import { EXPORT_HEADER, recordRows, recordSelection } from '../../volunteers/actions/export'
import { storeWorkbook } from '../file'
import { writeWorkbook, type Cell } from '../workbook'

const WIDTHS = [12, 16, 16, 18, 30, 16, 12, 17, 17, 10, 10]

/** Hours per volunteer and year, as the record page sums them (summarise), with a total where there are several years. */
async function hoursByPerson(signups: VolunteerSignupDoc[]): Promise<Cell[][]> {
  const byPerson = new Map<string, VolunteerSignupDoc[]>()
  for (const s of signups.filter(credited)) byPerson.set(s.openid, [...(byPerson.get(s.openid) ?? []), s])
  const names = new Map((await findUsers([...byPerson.keys()])).map((u) => [u._id, u.name]))
  const people = [...byPerson].map(([openid, list]) => ({ name: names.get(openid) || list[0].name, sum: summarise(list) }))
  people.sort((a, b) => a.name.localeCompare(b.name, 'zh'))
  return people.flatMap(({ name, sum }) => [
    ...sum.years.map((y): Cell[] => [name, `${y.year}年`, y.activities, y.hours]),
    ...(sum.years.length > 1 ? [[name, '合计', sum.activities, sum.totalHours]] : []),
  ])
}

/**
 * Volunteer service records as a workbook: the rows of the 民政部 record the CSV export writes (the same selection
 * and checks: a volunteer's, or the community's in a year, organisers only), and the hours per volunteer and year.
 */
export const exportVolunteers: Handler<typeof sheetsContract.actions.exportVolunteers> = async (input, ctx) => {
  const { community, title, signups } = await recordSelection(input, ctx)
  const [rows, hours] = await Promise.all([recordRows(signups), hoursByPerson(signups)])
  const content = await writeWorkbook(
    [
      { name: '服务记录', columns: EXPORT_HEADER.map((header, i) => ({ header, width: WIDTHS[i] })), rows },
      {
        name: '时长汇总',
        columns: [
          { header: '志愿者姓名', width: 12 },
          { header: '年份', width: 10 },
          { header: '参加活动（次）', width: 14 },
          { header: '服务时长（小时）', width: 16 },
        ],
        rows: hours,
      },
    ],
    ctx.now,
  )
  return storeWorkbook(community._id, `志愿服务记录-${title}`, content, rows.length, ctx.now)
}
