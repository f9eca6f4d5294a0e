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
function CallbackBreakdown({ title, rows }: { title: string; rows: Rows }) {
  return (
    <View className='card'>
      <Text className='subtitle'>{title}</Text>
      {rows.length ? (
        <View className='table' ariaRole='table' ariaLabel={title}>
          <View className='table-row table-head' ariaRole='row'>
            <View className='table-cell table-cell-name' ariaRole='columnheader'>{CALLBACK_COLUMNS.name}</View>
            <View className='table-cell' ariaRole='columnheader'>{CALLBACK_COLUMNS.selfRated}</View>
            {CALLBACK_COLUMNS.rates.map((k) => (
              <View key={k} className='table-cell' ariaRole='columnheader'>
                {CALLBACK_RATE_LABELS[k].column}
              </View>
            ))}
          </View>
          {rows.map((r) => {
            const rates = new Map(callbackRateFigures(r.figures).map((x) => [x.key, x.figure]))
            return (
              <View key={r.key} className='table-row' ariaRole='row'>
                <View className='table-cell table-cell-name' ariaRole='rowheader'>{r.label}</View>
                <View className='table-cell' ariaRole='cell'>{percent(r.figures.satisfactionRate.rate)}</View>
                {CALLBACK_COLUMNS.rates.map((k) => (
                  <View key={k} className='table-cell' ariaRole='cell'>
                    {percent(rates.get(k)!.rate)}
                  </View>
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
