import { useState } from 'react'
import { View, Text, Button } from '@tarojs/components'
import type { BuildingView, PlaceTree } from '../../../../../types'
import { call } from '../../../../api'
import { useSubmit } from '../../../../hooks/useRemote'
import { ChoiceList } from '../../../../components/ChoiceList'
import { toast } from '../../../../components/ConfirmModal'

function Building({ b, tree, onChanged }: { b: BuildingView; tree: PlaceTree; onChanged: () => void }) {
  const [moving, setMoving] = useState(false)
  const { busy, run } = useSubmit()
  const assign = (gridId: string | null) =>
    run(async () => {
      const res = await call('places', 'updateBuilding', { buildingId: b.id, gridId })
      if (!res.ok) {
        toast(res.error.message)
        return
      }
      setMoving(false)
      toast('已调整所属网格')
      onChanged()
    })

  return (
    <View className='building'>
      <Text className='building-name'>{b.name}</Text>
      {b.units.length === 0 ? <Text className='muted'>还没有单元</Text> : null}
      {b.units.map((u) => (
        <View key={u.id} className='unit'>
          <Text className='unit-name'>{u.name}</Text>
          <View ariaLabel={`${u.name}楼道码 ${u.code.split('').join(' ')}`}>
            <Text className='code'>{u.code}</Text>
          </View>
        </View>
      ))}
      {moving ? (
        <View>
          <Text className='field-label'>{`把${b.name}划入：`}</Text>
          <ChoiceList
            selectedId={b.gridId ?? 'none'}
            choices={[...tree.grids.map((g) => ({ id: g.id, label: g.name })), { id: 'none', label: '暂不划入网格' }]}
            onChoose={(c) => !busy && void assign(c.id === 'none' ? null : c.id)}
          />
          <Button className='btn btn-plain btn-block' onClick={() => setMoving(false)}>
            取消
          </Button>
        </View>
      ) : (
        <Button className='btn btn-secondary btn-block' onClick={() => setMoving(true)}>
          {`调整${b.name}所属网格`}
        </Button>
      )}
    </View>
  )
}

/** Grids with their buildings, units and place codes; buildings without a grid at the end. */
export function PlaceTreeView({ tree, onChanged }: { tree: PlaceTree; onChanged: () => void }) {
  const byGrid = (gridId: string | null) => tree.buildings.filter((b) => (b.gridId ?? null) === gridId)
  const orphans = tree.buildings.filter((b) => !b.gridId || !tree.grids.some((g) => g.id === b.gridId))
  return (
    <View className='place-tree'>
      {tree.grids.length === 0 && tree.buildings.length === 0 ? (
        <Text className='muted'>这个社区还没有网格和楼栋，请先新建网格，再新建楼栋或导入表格。</Text>
      ) : null}
      {tree.grids.map((g) => (
        <View key={g.id} className='card grid'>
          <Text className='subtitle'>{g.name}</Text>
          <Text className='muted'>{`网格员 ${g.memberOpenids.length} 人 · 楼栋 ${byGrid(g.id).length} 栋`}</Text>
          {byGrid(g.id).map((b) => (
            <Building key={b.id} b={b} tree={tree} onChanged={onChanged} />
          ))}
        </View>
      ))}
      {orphans.length ? (
        <View className='card grid grid-none'>
          <Text className='subtitle'>未划入网格的楼栋</Text>
          {orphans.map((b) => (
            <Building key={b.id} b={b} tree={tree} onChanged={onChanged} />
          ))}
        </View>
      ) : null}
    </View>
  )
}
