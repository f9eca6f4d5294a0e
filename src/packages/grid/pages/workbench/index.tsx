import { useEffect, useState } from 'react'
import { View, Text, Button } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { ErrorBody, GridView, PlaceTree } from '../../../../../types'
import { call } from '../../../../api'
import { useMe } from '../../../../hooks/useMe'
import { GRID_ROLES, communitiesWithRole } from '../../../../lib/roles'
import { Empty, ErrorState, Loading } from '../../../../components/States'
import { Page } from '../../../../components/Page'

interface MyGrid {
  grid: GridView
  tree: PlaceTree
}

export default function Workbench() {
  const me = useMe()
  const [grids, setGrids] = useState<MyGrid[] | null>(null)
  const [error, setError] = useState<ErrorBody | null>(null)
  const meData = me.state.status === 'ok' ? me.state.data : null

  useEffect(() => {
    if (!meData) return
    let live = true
    const communities = communitiesWithRole(meData, GRID_ROLES)
    void Promise.all(communities.map((c) => call('places', 'tree', { communityId: c.id }))).then((answers) => {
      if (!live) return
      const failed = answers.find((a) => !a.ok)
      if (failed && !failed.ok) setError(failed.error)
      const mine: MyGrid[] = []
      for (const a of answers) {
        if (!a.ok) continue
        for (const g of a.data.grids) {
          if (g.leaderOpenid === meData.openid || g.memberOpenids.includes(meData.openid)) mine.push({ grid: g, tree: a.data })
        }
      }
      setGrids(mine)
    })
    return () => {
      live = false
    }
  }, [meData])

  if (me.state.status === 'error') return <ErrorState error={me.state.error} onRetry={me.reload} showHome />
  if (me.state.status === 'loading' || (!grids && !error)) return <Loading />

  return (
    <Page className='workbench'>
      <View className='card'>
        <Text className='title'>网格工作台</Text>
        <Text className='muted'>小事不出网格。居民扫码报的事会出现在这里。</Text>
      </View>
      {error ? <ErrorState error={error} /> : null}
      {grids && grids.length === 0 ? <Empty text='您还没有被分配到网格，请联系社区' /> : null}
      {grids?.map(({ grid, tree }) => (
        <View key={grid.id} className='card'>
          <Text className='subtitle'>{`${tree.community.name} · ${grid.name}`}</Text>
          <Text className='muted'>
            {tree.buildings
              .filter((b) => b.gridId === grid.id)
              .map((b) => b.name)
              .join('、') || '还没有划入楼栋'}
          </Text>
        </View>
      ))}
      {grids && grids.length ? (
        <Button className='btn btn-primary btn-big btn-block' onClick={() => void Taro.navigateTo({ url: '/packages/grid/pages/inbox/index' })}>
          报事待办
        </Button>
      ) : null}
      {grids && grids.length ? (
        // callbacks of other grids' tickets (a grid's own are called back by someone else)
        <Button
          className='btn btn-secondary btn-big btn-block'
          ariaLabel='回访：给其他网格办结的报事居民打电话，核实是否真的解决'
          onClick={() => void Taro.navigateTo({ url: '/packages/staff/pages/callbacks/index' })}
        >
          回访
        </Button>
      ) : null}
    </Page>
  )
}
