import { View, Text } from '@tarojs/components'
import type { DashboardFigures, DashboardView } from '../../../../../types/tickets'

type Rows = DashboardView['byGrid']

/**
 * A breakdown of the dashboard (by grid, building, category or week) as a table a screen reader can walk cell by
 * cell, reading each figure with its column's name: the row's name, then `columns` filled by `cells` from its figures.
 */
export function FiguresTable(props: { title: string; rows: Rows; nameColumn: string; columns: string[]; cells: (f: DashboardFigures) => string[] }) {
  const { title, rows, nameColumn, columns, cells } = props
  return (
    <View className='card'>
      <Text className='subtitle'>{title}</Text>
      {rows.length ? (
        <View className='table' ariaRole='table' ariaLabel={title}>
          <View className='table-row table-head' ariaRole='row'>
            <View className='table-cell table-cell-name' ariaRole='columnheader'>
              {nameColumn}
            </View>
            {columns.map((c) => (
              <View key={c} className='table-cell' ariaRole='columnheader'>
                {c}
              </View>
            ))}
          </View>
          {rows.map((r) => (
            <View key={r.key} className='table-row' ariaRole='row'>
              <View className='table-cell table-cell-name' ariaRole='rowheader'>
                {r.label}
              </View>
              {cells(r.figures).map((text, i) => (
                <View key={columns[i]} className='table-cell' ariaRole='cell'>
                  {text}
                </View>
              ))}
            </View>
          ))}
        </View>
      ) : (
        <Text className='muted'>暂无数据</Text>
      )}
    </View>
  )
}
