import { useState } from 'react'
import { View, Text, Button } from '@tarojs/components'
import type { DashboardFigures, DashboardView, RateFigure } from '../../../../../types/tickets'
import { BREAKDOWN_COLUMNS, COUNT_LABELS, RATE_LABELS, countText, rateFigures, rateText, type RateLabel } from '../../../../../types/dashboardLabels'
import { call } from '../../../../api'
import { useRemote, useSubmit } from '../../../../hooks/useRemote'
import { TICKET_SUPERVISORS, staffStreets } from '../../../../lib/roles'
import { ErrorState, Loading } from '../../../../components/States'
import { toast } from '../../../../components/ConfirmModal'
import { openSheet } from '../../../../components/openDocument'
import { percent } from '../../../../components/format'
import { Chip } from '../../../../components/Chip'
import { CommunityBar } from '../../components/CommunityBar'
import { useStaffCommunity } from '../../components/useStaffCommunity'
import { Page } from '../../../../components/Page'
import { CallbackFigures } from './CallbackFigures'
import { FiguresTable } from './FiguresTable'
import { GridBars, HeatTable, WeeklyLines } from './Charts'
import { useWide } from '../../../../hooks/useWide'
import '../../../../components/tickets.css'
import '../../components/wide.css'

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

/** Each row's total and its rates, in the columns the export uses too. */
const Breakdown = ({ title, rows }: { title: string; rows: Rows }) => (
  <FiguresTable
    title={title}
    rows={rows}
    nameColumn={BREAKDOWN_COLUMNS.name}
    columns={[BREAKDOWN_COLUMNS.total, ...BREAKDOWN_COLUMNS.rates.map((k) => RATE_LABELS[k].column)]}
    cells={(f) => {
      const rates = new Map(rateFigures(f).map((x) => [x.key, x.figure]))
      return [String(f.total), ...BREAKDOWN_COLUMNS.rates.map((k) => percent(rates.get(k)!.rate))]
    }}
  />
)

function Board({ scope }: { scope: { communityId: string } | { streetId: string } }) {
  const key = 'communityId' in scope ? scope.communityId : scope.streetId
  const { state, reload } = useRemote(() => call('tickets', 'dashboard', scope), [key])
  const { busy, run } = useSubmit()
  // the figures and each table as the page shows them, for the community or the whole street
  const exportSheet = () =>
    run(async () => {
      const res = await call('sheets', 'exportDashboard', scope)
      if (!res.ok) return toast(res.error.message)
      await openSheet(res.data)
    })
  if (state.status === 'loading' || state.status === 'idle') return <Loading />
  if (state.status === 'error') return <ErrorState error={state.error} onRetry={reload} />
  const d = state.data
  return (
    <View>
      <Text className='subtitle'>{`${d.scope.name}${d.scope.kind === 'street' ? '（全街道）' : ''}`}</Text>
      <Figures f={d.figures} />
      <View className='dash-charts'>
        <WeeklyLines d={d} />
        <GridBars d={d} />
        <HeatTable d={d} />
      </View>
      <Breakdown title='按网格' rows={d.byGrid} />
      <Breakdown title='按楼栋' rows={d.byBuilding} />
      <Breakdown title='按类别' rows={d.byCategory} />
      <Breakdown title='按周' rows={d.byWeek} />
      <CallbackFigures d={d} />
      <Button className='btn btn-secondary btn-block' disabled={busy} loading={busy} onClick={() => void exportSheet()}>
        导出 Excel
      </Button>
    </View>
  )
}

/** The "three rates" of the community (or the whole street for street staff), with breakdowns and an Excel export. */
export default function Dashboard() {
  const staff = useStaffCommunity(TICKET_SUPERVISORS)
  const streets = staffStreets(staff.me.state.status === 'ok' ? staff.me.state.data : null)
  const [street, setStreet] = useState<string | null>(null)
  const wide = useWide()
  return (
    <Page className={`staff-dashboard${wide ? ' desk' : ''}`}>
      <CommunityBar staff={staff}>
        {streets.length ? (
          <View className='filter-row' ariaRole='radiogroup' ariaLabel='看板范围'>
            <Chip on={!street} label='本社区' onClick={() => setStreet(null)} />
            {streets.map((s) => (
              <Chip key={s} on={street === s} label='全街道' onClick={() => setStreet(s)} />
            ))}
          </View>
        ) : null}
        {street ? <Board scope={{ streetId: street }} /> : staff.communityId ? <Board scope={{ communityId: staff.communityId }} /> : null}
      </CommunityBar>
    </Page>
  )
}
