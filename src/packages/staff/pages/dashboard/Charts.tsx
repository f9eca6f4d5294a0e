import { View, Text, Image } from '@tarojs/components'
import type { DashboardView } from '../../../../../types/tickets'
import { gridBarText, gridBars, heatLevel, heatSummary, lineChartSummary, lineChartSvg, svgDataUri, weeklySeries } from './charts'
import './charts.css'

/**
 * 三率与按期办结率 by week as lines. The picture is an SVG image (weapp draws no inline svg); its labels, legend and
 * axis are the page's own text, sized by the tokens (大字模式 too). A screen reader reads the summary instead of it.
 */
export function WeeklyLines({ d }: { d: DashboardView }) {
  const series = weeklySeries(d)
  if (!d.byWeek.length) return null
  const first = d.byWeek[0].label
  const last = d.byWeek[d.byWeek.length - 1].label
  return (
    <View className='card chart'>
      <Text className='subtitle'>按周趋势</Text>
      <View className='chart-legend' ariaHidden>
        {series.map((s, i) => (
          <View key={s.key} className='chart-legend-item'>
            <View className={`swatch swatch-line-${i}`} />
            <Text>{s.title}</Text>
          </View>
        ))}
      </View>
      <View className='chart-plot' ariaRole='img' ariaLabel={lineChartSummary(d, series)}>
        <View className='chart-y' ariaHidden>
          <Text className='chart-y-top'>100%</Text>
          <Text className='chart-y-bottom'>0%</Text>
        </View>
        <Image className='chart-img' src={svgDataUri(lineChartSvg(series, d.byWeek.length))} mode='widthFix' ariaHidden nativeProps={{ alt: '' }} />
      </View>
      <Text className='chart-note' ariaHidden>
        横线每格 25%
      </Text>
      <View className='chart-x' ariaHidden>
        <Text>{first}</Text>
        {d.byWeek.length > 1 ? <Text>{last}</Text> : null}
      </View>
    </View>
  )
}

/** 未关闭 and 超时 by grid as bars: each row says its numbers in words; the bars are drawn against the largest. */
export function GridBars({ d }: { d: DashboardView }) {
  const { rows, max } = gridBars(d)
  if (!rows.length) return null
  return (
    <View className='card chart'>
      <Text className='subtitle'>各网格未关闭与超时</Text>
      <View className='chart-legend' ariaHidden>
        <View className='chart-legend-item'>
          <View className='swatch swatch-open' />
          <Text>未关闭</Text>
        </View>
        <View className='chart-legend-item'>
          <View className='swatch swatch-overdue' />
          <Text>其中超时</Text>
        </View>
      </View>
      <View ariaRole='list' ariaLabel='各网格未关闭与超时报事'>
        {rows.map((r) => (
          <View key={r.key} className='bar-row' ariaRole='listitem' ariaLabel={gridBarText(r)}>
            <Text className='bar-label'>{`${r.label}　未关闭 ${r.open} · 超时 ${r.overdue}`}</Text>
            <View className='bar-track' ariaHidden>
              <View className='bar bar-open' style={{ width: `${(r.open / max) * 100}%` }}>
                <View className='bar bar-overdue' style={{ width: r.open ? `${(r.overdue / r.open) * 100}%` : '0%' }} />
              </View>
            </View>
          </View>
        ))}
      </View>
    </View>
  )
}

/** Categories by building as a heat table: the count in every cell as text, its shade only repeating it. */
export function HeatTable({ d }: { d: DashboardView }) {
  const m = d.buildingCategory
  if (!m.buildings.length || !m.categories.length) return null
  const max = Math.max(0, ...m.counts.flat())
  const title = '各楼栋报事类别'
  return (
    <View className='card chart'>
      <Text className='subtitle'>{title}</Text>
      <Text className='muted'>{`颜色越深件数越多；${heatSummary(m)}。`}</Text>
      <View className='table heat' ariaRole='table' ariaLabel={`${title}（件）`}>
        <View className='table-row table-head' ariaRole='row'>
          <View className='table-cell table-cell-name' ariaRole='columnheader'>
            楼栋
          </View>
          {m.categories.map((c) => (
            <View key={c.key} className='table-cell heat-head' ariaRole='columnheader'>
              {c.label}
            </View>
          ))}
        </View>
        {m.buildings.map((b, i) => (
          <View key={b.key} className='table-row' ariaRole='row'>
            <View className='table-cell table-cell-name' ariaRole='rowheader'>
              {b.label}
            </View>
            {m.categories.map((c, j) => (
              <View key={c.key} className={`table-cell heat-cell heat-${heatLevel(m.counts[i][j], max)}`} ariaRole='cell'>
                {String(m.counts[i][j])}
              </View>
            ))}
          </View>
        ))}
      </View>
    </View>
  )
}
