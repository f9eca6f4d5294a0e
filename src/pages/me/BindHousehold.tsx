import { useState } from 'react'
import { View, Text, Button, Input } from '@tarojs/components'
import type { DirectoryView, MeView } from '../../../types'
import { call } from '../../api'
import { useRemote, useSubmit } from '../../hooks/useRemote'
import { ChoiceList } from '../../components/ChoiceList'
import { Empty, ErrorState, Loading } from '../../components/States'
import { toast } from '../../components/ConfirmModal'

type Building = DirectoryView['buildings'][number]
type Unit = Building['units'][number]

/** Where the flow starts when the resident came from a stairwell code: its community, building and unit. */
export interface BindStart {
  communityId: string
  building: Building
  unit: Unit
}

/**
 * Community → building → unit → room, all picked from lists (or from the stairwell code the resident scanned, leaving
 * only the room), then who they are to the household, and their name when the app does not know it yet; ends in
 * users.requestBinding.
 */
export function BindHousehold({
  onDone,
  onCancel,
  start,
  needName,
}: {
  onDone: (me: MeView) => void
  onCancel: () => void
  start?: BindStart | null
  needName?: boolean
}) {
  const [communityId, setCommunityId] = useState<string | null>(start?.communityId ?? null)
  const [building, setBuilding] = useState<Building | null>(start?.building ?? null)
  const [unit, setUnit] = useState<Unit | null>(start?.unit ?? null)
  const [name, setName] = useState('')
  const [room, setRoom] = useState<{ householdId: string; room: string } | null>(null)
  const [claim, setClaim] = useState<'member' | 'owner'>('member')
  const [error, setError] = useState<{ code: string; message: string } | null>(null)
  const { busy, run } = useSubmit()

  const communities = useRemote(() => call('places', 'communities', {}), [])
  const directory = useRemote(() => (communityId ? call('places', 'directory', { communityId }) : null), [communityId])
  const rooms = useRemote(() => (unit ? call('places', 'rooms', { unitId: unit.id }) : null), [unit?.id])

  const communityName = communities.state.status === 'ok' ? (communities.state.data.find((c) => c.id === communityId)?.name ?? '') : ''

  const submit = () =>
    run(async () => {
      if (!room) return
      setError(null)
      // the name is asked here, where it is needed, not at the end of a failed request
      if (needName) {
        if (!name.trim()) return setError({ code: 'INPUT.INVALID', message: '请填写您的姓名，社区核对住户时要用' })
        const saved = await call('users', 'updateProfile', { name: name.trim() })
        if (!saved.ok) return setError(saved.error)
      }
      const res = await call('users', 'requestBinding', { householdId: room.householdId, claim })
      if (!res.ok) {
        setError(res.error)
        return
      }
      toast('已提交，等待社区审核')
      onDone(res.data)
    })

  const back = () => {
    setError(null)
    if (room) setRoom(null)
    else if (unit) setUnit(null)
    else if (building) setBuilding(null)
    else if (communityId) setCommunityId(null)
    else onCancel()
  }

  const crumbs = [communityName, building?.name, unit?.name, room?.room].filter(Boolean).join(' · ')

  return (
    <View className='card bind-household'>
      <Text className='subtitle'>绑定住户</Text>
      {crumbs ? <Text className='crumbs'>{`已选：${crumbs}`}</Text> : null}

      {!communityId ? (
        <View>
          <Text className='step'>第1步：选择社区</Text>
          {communities.state.status === 'loading' ? <Loading /> : null}
          {communities.state.status === 'error' ? <ErrorState error={communities.state.error} onRetry={communities.reload} /> : null}
          {communities.state.status === 'ok' && communities.state.data.length === 0 ? <Empty text='暂时没有可选择的社区' /> : null}
          {communities.state.status === 'ok' ? (
            <ChoiceList choices={communities.state.data.map((c) => ({ id: c.id, label: c.name, hint: c.streetName }))} onChoose={(c) => setCommunityId(c.id)} />
          ) : null}
        </View>
      ) : !building ? (
        <View>
          <Text className='step'>第2步：选择楼栋</Text>
          {directory.state.status === 'loading' ? <Loading /> : null}
          {directory.state.status === 'error' ? <ErrorState error={directory.state.error} onRetry={directory.reload} /> : null}
          {directory.state.status === 'ok' && directory.state.data.buildings.length === 0 ? <Empty text='这个社区还没有登记楼栋' /> : null}
          {directory.state.status === 'ok' ? (
            <ChoiceList
              choices={directory.state.data.buildings.map((b) => ({ id: b.id, label: b.name }))}
              onChoose={(c) => directory.state.status === 'ok' && setBuilding(directory.state.data.buildings.find((b) => b.id === c.id) ?? null)}
            />
          ) : null}
        </View>
      ) : !unit ? (
        <View>
          <Text className='step'>第3步：选择单元</Text>
          {building.units.length === 0 ? <Empty text='这栋楼还没有登记单元' /> : null}
          <ChoiceList
            choices={building.units.map((u) => ({ id: u.id, label: u.name }))}
            onChoose={(c) => setUnit(building.units.find((u) => u.id === c.id) ?? null)}
          />
        </View>
      ) : !room ? (
        <View>
          <Text className='step'>第4步：选择房号</Text>
          {rooms.state.status === 'loading' ? <Loading /> : null}
          {rooms.state.status === 'error' ? <ErrorState error={rooms.state.error} onRetry={rooms.reload} /> : null}
          {rooms.state.status === 'ok' && rooms.state.data.length === 0 ? <Empty text='这个单元还没有登记住户，请联系社区' /> : null}
          {rooms.state.status === 'ok' ? (
            <ChoiceList
              className='rooms'
              choices={rooms.state.data.map((r) => ({ id: r.householdId, label: r.room }))}
              onChoose={(c) => setRoom({ householdId: c.id, room: c.label })}
            />
          ) : null}
        </View>
      ) : (
        <View>
          <Text className='step'>第5步：您和这一户的关系</Text>
          <ChoiceList
            selectedId={claim}
            choices={[
              { id: 'member', label: '我住在这里', hint: '家庭成员，社区核对住户名册' },
              { id: 'owner', label: '我是这套房子的产权人', hint: '业主，请带房产证到社区核对' },
            ]}
            onChoose={(c) => setClaim(c.id as 'member' | 'owner')}
          />
          {needName ? (
            <View className='field'>
              <Text className='field-label'>您的姓名（社区核对住户名册时用）</Text>
              <Input className='input' value={name} maxlength={20} placeholder='例如：王秀英' ariaLabel='您的姓名' onInput={(e) => setName(e.detail.value)} />
            </View>
          ) : null}
          <Text className='confirm-line'>{`申请绑定：${crumbs}`}</Text>
          <Text className='muted'>
            {claim === 'owner' ? '社区核对产权后，您可以参加业主表决（多套房屋合计一票）。' : '提交后由社区工作人员核对住户名册，通过后即可参与居民议事投票。'}
          </Text>
          {error ? <Text className='error-message'>{error.message}</Text> : null}
          <Button className='btn btn-primary btn-block' disabled={busy} loading={busy} onClick={() => void submit()}>
            提交绑定申请
          </Button>
        </View>
      )}

      <Button className='btn btn-plain btn-block' onClick={back}>
        {communityId ? '上一步' : '取消'}
      </Button>
    </View>
  )
}
