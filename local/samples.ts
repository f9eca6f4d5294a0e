import { activityIdFor, findActivity } from '../cloudfunctions/_core/repos/volunteers'
import { shanghai, shanghaiDay } from '../cloudfunctions/_core/time'
import type { Envelope, MatterView } from '../types'
import { platformContext } from './context'
import type { LocalFunction } from './functions'

const DAY = 86_400_000

const SAMPLE_ACTIVITY = { openid: 'dev-staff', requestId: 'sample-activity-cleanup' }

/** The functions the samples are made through. */
export const SAMPLE_FUNCTIONS = ['notices', 'council', 'volunteers']

/**
 * Whether the samples were all written: the activity is the last of them, and written only after the others, so its
 * presence is the mark that they finished.
 */
export const samplesDone = async (): Promise<boolean> => !!(await findActivity(activityIdFor(SAMPLE_ACTIVITY.openid, SAMPLE_ACTIVITY.requestId)))

/**
 * Sample content for the demo community on `npm start`: a few notices, a matter whose residents' vote is open, and a
 * volunteer activity — made through the functions themselves, as the people who would make them, so every record is
 * exactly what the app would write.
 *
 * Resumable: a start that died half-way (killed between the demo and its samples, or during them) left some written
 * and some not; running this again writes only what is missing. Each sample is made with a fixed request id, and the
 * functions answer a retry with the record already made (publish, propose); the matter's later steps are taken only
 * if its records do not show them yet.
 */
export async function seedSamples(functions: Map<string, LocalFunction>, now = new Date()): Promise<void> {
  const call = async <T>(fn: string, openid: string, action: string, data: unknown): Promise<T> => {
    const f = functions.get(fn)
    if (!f) throw new Error(`sample content needs the ${fn} function`)
    const answer = (await f.main({ action, data }, platformContext(openid))) as Envelope<T>
    if (!answer.ok) throw new Error(`sample ${fn}.${action}: ${answer.error.code} ${answer.error.message}`)
    return answer.data
  }
  const c = 'c-xingfu'
  const at = (days: number, hour = 9) => shanghai(now).add(days, 'day').hour(hour).startOf('hour').toISOString()

  await call('notices', 'dev-staff', 'publish', {
    communityId: c,
    requestId: 'sample-notice-heating',
    kind: 'residents',
    title: '冬季供暖设施检查通知',
    pinned: true,
    body: '本周六上午9点至12点，物业将逐户检查暖气阀门，请家中留人。行动不便的老人可拨打社区电话预约其他时间。',
    audience: { scope: 'community' },
  })
  await call('notices', 'dev-secretary', 'publish', {
    communityId: c,
    requestId: 'sample-notice-finance',
    kind: 'finance',
    title: '2026年第三季度社区公益金收支公示',
    body: '本季度收入：上级拨付 20000 元。\n支出：楼道照明维修 3200 元，老年食堂补贴 8600 元，志愿服务保险 1200 元。\n结余 7000 元。如有疑问，请到社区服务站查阅凭证。',
    audience: { scope: 'community' },
  })
  await call('notices', 'dev-secretary', 'publish', {
    communityId: c,
    requestId: 'sample-notice-party',
    kind: 'party',
    title: '11月主题党日活动安排',
    body: '时间：本月最后一个周五下午2点；地点：社区党群服务中心二楼。内容：学习与楼道清扫志愿服务。',
    audience: { scope: 'community' },
  })

  // The matter went through its first three stages over the past week, each on its own day: the functions' clock is
  // set back for each step so every record is dated as it would have been (meetings are never dated before the step
  // they follow).
  const back = (days: number) => (globalThis.__LOCAL_CLOCK_SKEW_MS__ = -days * DAY)
  const skew = globalThis.__LOCAL_CLOCK_SKEW_MS__
  let m: MatterView
  try {
    back(6)
    m = await call<MatterView>('council', 'dev-secretary', 'propose', {
      communityId: c,
      requestId: 'sample-matter-parking',
      title: '小区东侧空地改建为非机动车充电棚',
      background: '近一个月多位居民反映电动车在楼道充电有火灾隐患。社区党委提议将东侧空地改建为带充电桩的非机动车棚，费用由社区公益金和充电收费共同承担。',
    })
    const meeting = (days: number) => ({ date: shanghaiDay(now.getTime() - days * DAY), attendance: { present: 7, expected: 9 }, outcome: 'agreed' })
    const recorded = (stage: string) => m.records.some((r) => r.stage === stage)
    if (!recorded('deliberation')) {
      back(4)
      m = await call<MatterView>('council', 'dev-staff', 'recordStage', {
        matterId: m.id,
        stage: 'deliberation',
        minutes: '两委联席会议讨论，一致同意提交党员大会审议。',
        ...meeting(4),
      })
    }
    if (!recorded('review')) {
      back(2)
      m = await call<MatterView>('council', 'dev-secretary', 'recordStage', {
        matterId: m.id,
        stage: 'review',
        minutes: '党员大会审议同意，提交居民会议表决。',
        ...meeting(2),
      })
    }
  } finally {
    globalThis.__LOCAL_CLOCK_SKEW_MS__ = skew
  }
  // the roll is the register: every adult of the community, most of whom vote on paper
  if (!m.votes.length) {
    await call('council', 'dev-staff', 'openVote', {
      matterId: m.id,
      rollKind: 'residents',
      unit: 'person',
      secret: true,
      opensAt: now.toISOString(),
      closesAt: at(7, 18),
    })
  }

  // last: its presence marks the samples as finished (samplesDone)
  await call('volunteers', SAMPLE_ACTIVITY.openid, 'publish', {
    communityId: c,
    requestId: SAMPLE_ACTIVITY.requestId,
    title: '楼道清扫志愿服务',
    place: '幸福社区党群服务中心门口集合',
    description: '清理楼道堆物、擦拭扶手。社区提供手套和工具。',
    startAt: at(3),
    endAt: at(3, 11),
    deadline: at(2, 18),
    capacity: 10,
    organiser: '幸福社区党委',
    skills: ['体力劳动'],
  })
}
