import { useState } from 'react'
import { View, Text, Button } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { DashboardFigures, DashboardView, RateFigure } from '../../../../../types/tickets'
import { BREAKDOWN_COLUMNS, COUNT_LABELS, RATE_LABELS, countText, rateFigures, rateText, type RateLabel } from '../../../../../types/dashboardLabels'
import { call } from '../../../../api'
import { useRemote, useSubmit } from '../../../../hooks/useRemote'
import { TICKET_SUPERVISORS, staffStreets } from '../../../../lib/roles'
import { ErrorState, Loading } from '../../../../components/States'
import { toast } from '../../../../components/ConfirmModal'
import { percent } from '../../../../components/format'
import { CommunityBar } from '../../components/CommunityBar'
import { useStaffCommunity } from '../../components/useStaffCommunity'
import '../../../../components/tickets.css'

function Figure({ label, figure }: { label: RateLabel; figure: RateFigure }) {
  const sub = rateText(label, figure)
  return (
    <View className='figure' ariaLabel={`${label.title} ${percent(figure.rate)}，${sub}`}>
      <Text className='figure-label'>{label.title}</Text>
      <Text className='figure-big'>{percent(figure.rate)}</Text>
      <Text className='figure-sub'>{sub}</Text>
    </View>
  )
}

function Figures({ f }: { f: DashboardFigures }) {
  const counts = [
    [COUNT_LABELS.total, f.total],
    [COUNT_LABELS.open, f.open],
    [COUNT_LABELS.repeatComplaints, f.repeatComplaints],
  ] as const
  return (
    <View className='card'>
      {counts.map(([label, n]) => (
        <View key={label.title} className='kv'>
          <Text className='kv-key'>{label.title}</Text>
          <Text>{countText(label, n)}</Text>
        </View>
      ))}
      {rateFigures(f).map(({ key, label, figure }) => (
        <Figure key={key} label={label} figure={figure} />
      ))}
    </View>
  )
}

type Rows = DashboardView['byGrid']

function Breakdown({ title, rows }: { title: string; rows: Rows }) {
  return (
    <View className='card'>
      <Text className='subtitle'>{title}</Text>
      {rows.length ? (
        <View className='table' ariaRole='table'>
          <View className='table-row table-head' ariaRole='row'>
            <Text className='table-cell table-cell-name'>{BREAKDOWN_COLUMNS.name}</Text>
            <Text className='table-cell'>{BREAKDOWN_COLUMNS.total}</Text>
            {BREAKDOWN_COLUMNS.rates.map((k) => (
              <Text key={k} className='table-cell'>
                {RATE_LABELS[k].column}
              </Text>
            ))}
          </View>
          {rows.map((r) => {
            const rates = new Map(rateFigures(r.figures).map((x) => [x.key, x.figure]))
            return (
              <View key={r.key} className='table-row' ariaRole='row'>
                <Text className='table-cell table-cell-name'>{r.label}</Text>
                <Text className='table-cell'>{String(r.figures.total)}</Text>
                {BREAKDOWN_COLUMNS.rates.map((k) => (
                  <Text key={k} className='table-cell'>
                    {percent(rates.get(k)!.rate)}
                  </Text>
                ))}
              </View>
            )
          })}
        </View>
      ) : (
        <Text className='muted'>暂无数据</Text>
      )}
    </View>
  )
}

async function openCsv(url: string) {
  if (process.env.TARO_ENV === 'h5') {
    window.open(url, '_blank')
    return
  }
  // The mini-program cannot open a CSV file itself: hand the link to a computer.
  await Taro.setClipboardData({ data: url })
  // the link is a private file's and expires (PRIVATE_LINK_MAX_AGE_S): say so, or an evening's attempt meets a refusal
  toast('下载链接已复制，15分钟内有效，请在电脑浏览器中打开')
}

function Board({ scope }: { scope: { communityId: string } | { streetId: string } }) {
  const key = 'communityId' in scope ? scope.communityId : scope.streetId
  const { state, reload } = useRemote(() => call('tickets', 'dashboard', scope), [key])
  const { busy, run } = useSubmit()
  const exportCsv = () =>
    run(async () => {
      if (!('communityId' in scope)) return
      const res = await call('tickets', 'export', { communityId: scope.communityId })
      if (!res.ok) return toast(res.error.message)
      toast(`已导出${res.data.rows}行`)
      try {
        await openCsv(res.data.url)
      } catch {
        toast('打开文件失败，请稍后重试')
      }
    })
  if (state.status === 'loading' || state.status === 'idle') return <Loading />
  if (state.status === 'error') return <ErrorState error={state.error} onRetry={reload} />
  const d = state.data
  return (
    <View>
      <Text className='subtitle'>{`${d.scope.name}${d.scope.kind === 'street' ? '（全街道）' : ''}`}</Text>
      <Figures f={d.figures} />
      <Breakdown title='按网格' rows={d.byGrid} />
      <Breakdown title='按楼栋' rows={d.byBuilding} />
      <Breakdown title='按类别' rows={d.byCategory} />
      <Breakdown title='按周' rows={d.byWeek} />
      {'communityId' in scope ? (
        <Button className='btn btn-secondary btn-block' disabled={busy} loading={busy} onClick={() => void exportCsv()}>
          导出 CSV
        </Button>
      ) : null}
    </View>
  )
}

/** The "three rates" of the community (or the whole street for street staff), with breakdowns and CSV export. */
export default function Dashboard() {
  const staff = useStaffCommunity(TICKET_SUPERVISORS)
  const streets = staffStreets(staff.me.state.status === 'ok' ? staff.me.state.data : null)
  const [street, setStreet] = useState<string | null>(null)
  return (
    <View className='page staff-dashboard'>
      <CommunityBar staff={staff}>
        {streets.length ? (
          <View className='filter-row'>
            <View className={`chip ${street ? '' : 'chip-on'}`} ariaRole='radio' ariaLabel='本社区' onClick={() => setStreet(null)}>
              <Text>本社区</Text>
            </View>
            {streets.map((s) => (
              <View key={s} className={`chip ${street === s ? 'chip-on' : ''}`} ariaRole='radio' ariaLabel='全街道' onClick={() => setStreet(s)}>
                <Text>全街道</Text>
              </View>
            ))}
          </View>
        ) : null}
        {street ? <Board scope={{ streetId: street }} /> : staff.communityId ? <Board scope={{ communityId: staff.communityId }} /> : null}
      </CommunityBar>
    </View>
  )
}
