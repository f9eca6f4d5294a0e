import { useState } from 'react'
import { View, Text, Button } from '@tarojs/components'
import type { BindingRequestView, BindingStatus } from '../../../../../types'
import { call } from '../../../../api'
import { usePaged } from '../../../../hooks/usePaged'
import { useSubmit } from '../../../../hooks/useRemote'
import { ChoiceList } from '../../../../components/ChoiceList'
import { PagedFooter } from '../../../../components/PagedFooter'
import { confirm, toast } from '../../../../components/ConfirmModal'
import { CommunityBar } from '../../components/CommunityBar'
import { useStaffCommunity } from '../../components/useStaffCommunity'

const STATUS: { id: BindingStatus; label: string }[] = [
  { id: 'pending', label: '待审核' },
  { id: 'approved', label: '已通过' },
  { id: 'rejected', label: '已驳回' },
]

function Request({ r, onDecided }: { r: BindingRequestView; onDecided: (next: BindingRequestView) => void }) {
  const { busy, run } = useSubmit()
  const decide = (approve: boolean) =>
    run(async () => {
      const ok = await confirm(
        approve ? '通过绑定申请' : '驳回绑定申请',
        approve ? `确认${r.name}是${r.label}的住户（户主：${r.holderName}）吗？通过后不能撤回。` : `确定驳回${r.name}绑定${r.label}的申请吗？`,
        approve ? '通过' : '驳回',
      )
      if (!ok) return
      const res = await call('users', 'decideBinding', { requestId: r.requestId, approve, ...(approve ? {} : { reason: '经核实不是该户住户' }) })
      if (!res.ok) return toast(res.error.message)
      toast(approve ? '已通过' : '已驳回')
      onDecided(res.data)
    })
  return (
    <View className='list-item binding-request'>
      <Text className='list-item-title'>{`${r.name} 申请绑定 ${r.label}`}</Text>
      <Text className='list-item-meta'>{`户主：${r.holderName} · ${r.createdAt.slice(0, 10)}`}</Text>
      {r.status === 'pending' ? (
        <View className='row'>
          <Button className='btn btn-primary' disabled={busy} onClick={() => void decide(true)}>
            通过
          </Button>
          <Button className='btn btn-secondary' disabled={busy} onClick={() => void decide(false)}>
            驳回
          </Button>
        </View>
      ) : (
        <Text className='tag'>{STATUS.find((s) => s.id === r.status)?.label}</Text>
      )}
    </View>
  )
}

export default function Bindings() {
  const staff = useStaffCommunity()
  const communityId = staff.communityId
  const [status, setStatus] = useState<BindingStatus>('pending')
  const list = usePaged<BindingRequestView>(
    (page) => (communityId ? call('users', 'listBindingRequests', { communityId, status, page }) : null),
    [communityId, status],
  )
  return (
    <View className='page staff-bindings'>
      <CommunityBar staff={staff}>
        <View className='card'>
          <ChoiceList selectedId={status} choices={STATUS} onChoose={(c) => setStatus(c.id as BindingStatus)} />
        </View>
        <View className='card'>
          {list.items.map((r) => (
            <Request key={r.requestId} r={r} onDecided={(next) => list.replace((x) => x.requestId === next.requestId, next)} />
          ))}
          <PagedFooter {...list} count={list.items.length} onMore={list.loadMore} onRetry={list.reload} emptyText='没有需要处理的申请' />
        </View>
      </CommunityBar>
    </View>
  )
}
