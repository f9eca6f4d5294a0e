import { useState } from 'react'
import { View, Text, Button, Input } from '@tarojs/components'
import type { PlaceTree } from '../../../../../types'
import { call } from '../../../../api'
import { useSubmit } from '../../../../hooks/useRemote'
import { ChoiceList } from '../../../../components/ChoiceList'
import { toast } from '../../../../components/ConfirmModal'

export function CreateGrid({ communityId, onCreated }: { communityId: string; onCreated: () => void }) {
  const [name, setName] = useState('')
  const [error, setError] = useState<string | null>(null)
  const { busy, run } = useSubmit()
  const submit = () =>
    run(async () => {
      setError(null)
      const res = await call('places', 'createGrid', { communityId, name: name.trim() })
      if (!res.ok) return setError(res.error.issues?.[0]?.message ?? res.error.message)
      setName('')
      toast(`已新建${res.data.name}`)
      onCreated()
    })
  return (
    <View className='card'>
      <Text className='subtitle'>新建网格</Text>
      <Input className='input' value={name} maxlength={40} placeholder='例如：第一网格' ariaLabel='网格名称' onInput={(e) => setName(e.detail.value)} />
      {error ? <Text className='error-message'>{error}</Text> : null}
      <Button className='btn btn-primary btn-block' disabled={busy || !name.trim()} onClick={() => void submit()}>
        新建网格
      </Button>
    </View>
  )
}

export function CreateBuilding({ communityId, tree, onCreated }: { communityId: string; tree: PlaceTree; onCreated: () => void }) {
  const [name, setName] = useState('')
  const [units, setUnits] = useState(2)
  const [gridId, setGridId] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const { busy, run } = useSubmit()
  const submit = () =>
    run(async () => {
      setError(null)
      const res = await call('places', 'createBuilding', { communityId, name: name.trim(), units, gridId })
      if (!res.ok) return setError(res.error.issues?.[0]?.message ?? res.error.message)
      setName('')
      toast(`已新建${res.data.name}，共${res.data.units.length}个单元`)
      onCreated()
    })
  return (
    <View className='card'>
      <Text className='subtitle'>新建楼栋</Text>
      <View className='field'>
        <Text className='field-label'>楼栋名称</Text>
        <Input className='input' value={name} maxlength={20} placeholder='例如：3栋' ariaLabel='楼栋名称' onInput={(e) => setName(e.detail.value)} />
      </View>
      <View className='field'>
        <Text className='field-label'>单元数</Text>
        <View className='stepper'>
          <View className='stepper-btn' ariaRole='button' ariaLabel='减少一个单元' onClick={() => setUnits((n) => Math.max(1, n - 1))}>
            <Text>－</Text>
          </View>
          <View className='stepper-value' ariaLabel={`${units}个单元`}>
            <Text>{units}</Text>
          </View>
          <View className='stepper-btn' ariaRole='button' ariaLabel='增加一个单元' onClick={() => setUnits((n) => Math.min(30, n + 1))}>
            <Text>＋</Text>
          </View>
        </View>
      </View>
      <View className='field'>
        <Text className='field-label'>所属网格</Text>
        <ChoiceList
          selectedId={gridId ?? 'none'}
          choices={[...tree.grids.map((g) => ({ id: g.id, label: g.name })), { id: 'none', label: '暂不划入网格' }]}
          onChoose={(c) => setGridId(c.id === 'none' ? null : c.id)}
        />
      </View>
      {error ? <Text className='error-message'>{error}</Text> : null}
      <Button className='btn btn-primary btn-block' disabled={busy || !name.trim()} onClick={() => void submit()}>
        新建楼栋
      </Button>
    </View>
  )
}
