import { useState } from 'react'
import { View, Text, Button } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { DashboardFigures, DashboardView, RateFigure } from '../../../../../types/tickets'
import { call } from '../../../../api'
import { useRemote, useSubmit } from '../../../../hooks/useRemote'
import { TICKET_SUPERVISORS, staffStreets } from '../../../../lib/roles'
import { ErrorState, Loading } from '../../../../components/States'
import { toast } from '../../../../components/ConfirmModal'
import { percent } from '../../../../components/format'
import { CommunityBar } from '../../components/CommunityBar'
import { useStaffCommunity } from '../../components/useStaffCommunity'
import '../../../../components/tickets.css'

function Figure({ label, figure, hint }: { label: string; figure: RateFigure; hint: string }) {
  const text = `${label} ${percent(figure.rate)}，${figure.numerator}/${figure.denominator}`
  return (
    <View className='figure' ariaLabel={text}>
      <Text className='figure-label'>{label}</Text>
      <Text className='figure-big'>{percent(figure.rate)}</Text>
      <Text className='figure-sub'>{`${figure.numerator} / ${figure.denominator} ${hint}`}</Text>
    </View>
  )
}

function Figures({ f }: { f: DashboardFigures }) {
  return (
    <View className='card'>
      <View className='kv'>
        <Text className='kv-key'>报事总数</Text>
        <Text>{`${f.total}件（未办结${f.open}件）`}</Text>
      </View>
      <View className='kv'>
        <Text className='kv-key'>重复投诉</Text>
        <Text>{`${f.repeatComplaints}件`}</Text>
      </View>
      <Figure label='响应率' figure={f.responseRate} hint='件按时受理' />
      <Figure label='解决率（居民确认）' figure={f.resolutionRate.confirmed} hint='件居民确认已解决' />
      <Figure label='解决率（仅标记办结）' figure={f.resolutionRate.markedResolved} hint='件已办结' />
      <Figure label='满意率' figure={f.satisfactionRate} hint='件评价满意' />
      <Figure label='按时办结率' figure={f.onTimeRate} hint='件按时办结（未办结超时的算超时）' />
      <Figure label='小事不出网格' figure={f.closedInGridShare} hint='件在网格内办结' />
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
            <Text className='table-cell table-cell-name'>名称</Text>
            <Text className='table-cell'>总数</Text>
            <Text className='table-cell'>响应</Text>
            <Text className='table-cell'>解决</Text>
            <Text className='table-cell'>满意</Text>
            <Text className='table-cell'>按时</Text>
          </View>
          {rows.map((r) => (
            <View key={r.key} className='table-row' ariaRole='row'>
              <Text className='table-cell table-cell-name'>{r.label}</Text>
              <Text className='table-cell'>{String(r.figures.total)}</Text>
              <Text className='table-cell'>{percent(r.figures.responseRate.rate)}</Text>
              <Text className='table-cell'>{percent(r.figures.resolutionRate.confirmed.rate)}</Text>
              <Text className='table-cell'>{percent(r.figures.satisfactionRate.rate)}</Text>
              <Text className='table-cell'>{percent(r.figures.onTimeRate.rate)}</Text>
            </View>
          ))}
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
  toast('下载链接已复制，请在电脑浏览器中打开')
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
