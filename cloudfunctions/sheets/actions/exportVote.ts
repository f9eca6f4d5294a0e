import type { RollEntryView, sheetsContract, VoteView } from '../../../types'
import { findMatter } from '../../_core/repos/council'
import type { Handler } from '../../_core/serve'
import { loadVote } from '../../council/access'
import { roll } from '../../council/actions/roll'
import { voteView } from '../../council/views'
import { storeWorkbook } from '../file'
import { PERCENT, shanghaiText, writeWorkbook, type Cell } from '../workbook'

/** A roll read a database page at a time (CloudBase's largest). */
const PAGE = 1000
const STATUS = { scheduled: '未开始', open: '进行中', closed: '已结束' } as const
const CHANNEL = { online: '小程序', paper: '纸质票或到会' } as const

/** A share as the result card shows it ("6/9（66.7%）"): the percent to one decimal, as a number. */
const shareCell = (value: number, of: number): Cell => (of ? Number(((value / of) * 100).toFixed(1)) / 100 : '—')

function facts(title: string, v: VoteView): Cell[][] {
  const rows: Cell[][] = [
    ['议题', title],
    ['表决', v.stage === 'review' ? '党员大会表决' : v.rollKind === 'owners' ? '业主表决' : '居民（代表）会议表决'],
    ['参加范围', `${v.rollKindLabel} · ${v.unitLabel}`],
    ['表决规则', v.ruleLabel],
    ['投票方式', v.secret ? '无记名' : '记名'],
    ['时间', `${shanghaiText(v.opensAt)} 至 ${shanghaiText(v.closesAt)}（北京时间）`],
    ['状态', STATUS[v.status]],
    ['应参加', `${v.rollCount} ${v.unitNoun}`],
    ...(v.rule !== 'meeting' ? [['专有部分面积合计（㎡）', v.rollArea]] : []),
    ['已投票', v.turnout === null ? '—' : `${v.turnout} ${v.unitNoun}`],
    [
      '结论',
      v.result
        ? v.result.passed
          ? `表决通过${v.result.adoptedLabel && v.result.adoptedLabel !== '同意' ? `：${v.result.adoptedLabel}` : ''}`
          : '表决未通过'
        : '尚未计票',
    ],
  ]
  return [...rows, ...v.basis.map((line, i): Cell[] => [i === 0 ? '计票依据' : '', line])]
}

/**
 * A vote as a workbook: how it is counted, the tally and each figure against its threshold as the result card shows
 * them (council's own vote view), and the roll with who has voted and how — never what anyone chose. Organisers only,
 * checked as council.roll checks them, and read by council.roll itself.
 */
export const exportVote: Handler<typeof sheetsContract.actions.exportVote> = async (input, ctx) => {
  const { vote, community } = await loadVote(ctx, input.voteId)
  const [view, matter] = await Promise.all([voteView(ctx, community, vote), findMatter(vote.matterId)])
  const entries: RollEntryView[] = []
  for (let page = 1; ; page++) {
    const p = await roll({ voteId: vote._id, page, pageSize: PAGE }, ctx)
    entries.push(...p.items)
    if (p.items.length < PAGE || entries.length >= p.total) break
  }
  const byArea = view.rule !== 'meeting'
  const title = matter?.title ?? ''
  const content = await writeWorkbook(
    [
      {
        name: '表决情况',
        columns: [
          { header: '项目', width: 22 },
          { header: '内容', width: 80 },
        ],
        rows: facts(title, view),
      },
      {
        name: '计票结果',
        columns: [{ header: '选项', width: 16 }, { header: `票数（${view.unitNoun}）`, width: 12 }, ...(byArea ? [{ header: '面积（㎡）', width: 12 }] : [])],
        rows: (view.tally?.choices ?? []).map((c) => [c.label, c.count, ...(byArea ? [c.area] : [])]),
      },
      {
        name: '是否达到要求',
        columns: [
          { header: '指标', width: 20 },
          { header: '实际', width: 10 },
          { header: '总数', width: 10 },
          { header: '占比', width: 10, numFmt: PERCENT },
          { header: '要求', width: 10 },
          { header: '是否达到', width: 10 },
        ],
        rows: (view.result?.figures ?? []).map((f) => [f.label, f.value, f.of, shareCell(f.value, f.of), f.threshold, f.met ? '达到' : '未达到']),
      },
      {
        name: '表决名单',
        columns: [
          { header: '序号', width: 8 },
          { header: '名单', width: 40 },
          ...(byArea ? [{ header: '专有部分面积（㎡）', width: 16 }] : []),
          { header: '是否已投票', width: 12 },
          { header: '投票方式', width: 14 },
          { header: '纸质票编号', width: 12 },
        ],
        rows: entries.map((e, i) => [
          i + 1,
          e.label,
          ...(byArea ? [e.area] : []),
          e.voted ? '已投票' : '未投票',
          e.channel ? CHANNEL[e.channel] : '',
          e.paperNo ?? '',
        ]),
      },
    ],
    ctx.now,
  )
  return storeWorkbook(community._id, `表决名单与结果-${title || vote._id}`, content, entries.length, ctx.now)
}
