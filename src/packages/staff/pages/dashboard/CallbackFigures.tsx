import { View, Text } from '@tarojs/components'
import type { DashboardView, RateFigure } from '../../../../../types/tickets'
import {
  CALLBACK_COLUMNS,
  CALLBACK_COUNT_LABELS,
  CALLBACK_RATE_LABELS,
  RATE_LABELS,
  callbackRateFigures,
  countText,
  rateText,
  type RateLabel,
} from '../../../../../types/dashboardLabels'
import { percent } from '../../../../components/format'
import { FiguresTable } from './FiguresTable'
import '../../../../components/tickets.css'

function Figure({ title, label, figure }: { title: string; label: RateLabel; figure: RateFigure }) {
  const sub = rateText(label, figure)
  return (
    <View className='figure' ariaLabel={`${title} ${percent(figure.rate)}，${sub}`}>
      <Text className='figure-label'>{title}</Text>
      <Text className='figure-big'>{percent(figure.rate)}</Text>
      <Text className='figure-sub'>{sub}</Text>
    </View>
  )
}

type Rows = DashboardView['byGrid']

/** One row per grid or week: the residents' own satisfaction first, the callbacks' findings beside it. */
const CallbackBreakdown = ({ title, rows }: { title: string; rows: Rows }) => (
  <FiguresTable
    title={title}
    rows={rows}
    nameColumn={CALLBACK_COLUMNS.name}
    columns={[CALLBACK_COLUMNS.selfRated, ...CALLBACK_COLUMNS.rates.map((k) => CALLBACK_RATE_LABELS[k].column)]}
    cells={(f) => {
      const rates = new Map(callbackRateFigures(f).map((x) => [x.key, x.figure]))
      return [percent(f.satisfactionRate.rate), ...CALLBACK_COLUMNS.rates.map((k) => percent(rates.get(k)!.rate))]
    }}
  />
)

/**
 * 回访 on the dashboard: what calls by someone other than the handlers found, beside the residents' own rating, for
 * the scope and by grid and week (each callback counts where its ticket was reported, as every other figure).
 */
export function CallbackFigures({ d }: { d: DashboardView }) {
  const f = d.figures
  return (
    <View>
      <View className='card'>
        <Text className='subtitle'>回访：是否真的解决</Text>
        <Text className='muted'>办结后由办理人以外的人员打电话回访，与居民自评对照。</Text>
        <Figure title={`${RATE_LABELS.satisfactionRate.title}（居民自评）`} label={RATE_LABELS.satisfactionRate} figure={f.satisfactionRate} />
        {callbackRateFigures(f).map(({ key, label, figure }) => (
          <Figure key={key} title={label.title} label={label} figure={figure} />
        ))}
        <View className='kv'>
          <Text className='kv-key'>{CALLBACK_COUNT_LABELS.unreachable.title}</Text>
          <Text>{countText(CALLBACK_COUNT_LABELS.unreachable, f.callback.unreachable)}</Text>
        </View>
      </View>
      <CallbackBreakdown title='回访 · 按网格' rows={d.byGrid} />
      <CallbackBreakdown title='回访 · 按周' rows={d.byWeek} />
    </View>
  )
}
