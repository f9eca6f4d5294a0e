import { useState } from 'react'
import { View, Text, Button, Input } from '@tarojs/components'
import type { BindingRequestView, BindingStatus } from '../../../../../types'
import { RELATIONS } from '../../../../../types/registerLabels'
import { call } from '../../../../api'
import { usePaged } from '../../../../hooks/usePaged'
import { useRemote, useSubmit } from '../../../../hooks/useRemote'
import { ErrorState, Loading } from '../../../../components/States'
import { ChoiceList } from '../../../../components/ChoiceList'
import { PagedFooter } from '../../../../components/PagedFooter'
import { confirm, toast } from '../../../../components/ConfirmModal'
import { CommunityBar } from '../../components/CommunityBar'
import { useStaffCommunity } from '../../components/useStaffCommunity'
import { Page } from '../../../../components/Page'
import { beijing } from '../../../../lib/time'

const STATUS: { id: BindingStatus; label: string }[] = [
  { id: 'pending', label: '待审核' },
  { id: 'approved', label: '已通过' },
  { id: 'rejected', label: '已驳回' },
]

const NEW_MEMBER = 'new'

/**
 * One request. Approving says who the person is on the register: one of the household's members not yet bound, or a
 * new member (relation and birth year); an owner claim confirms them as the household's registered owner.
 */
function Request({ r, onDecided }: { r: BindingRequestView; onDecided: (next: BindingRequestView) => void }) {
  const { busy, run } = useSubmit()
  const [open, setOpen] = useState(false)
  const [memberId, setMemberId] = useState<string | null>(null)
  const [relation, setRelation] = useState<string>('其他')
  const [birth, setBirth] = useState('')
  const detail = useRemote(() => (open ? call('places', 'household', { householdId: r.householdId }) : null), [open, r.householdId])
  const owner = r.claim === 'owner'

  const decide = (approve: boolean) =>
    run(async () => {
      if (approve && !owner && !memberId) return toast('请选择这位居民是哪位家庭成员')
      if (approve && memberId === NEW_MEMBER && birth && !/^\d{4}$/.test(birth.trim())) return toast('出生年份请填4位数字，如 1960')
      const who = owner ? `${r.label}的产权人` : memberId === NEW_MEMBER ? `${r.label}的新增家庭成员（${relation}）` : `${r.label}的家庭成员`
      const ok = await confirm(
        approve ? '通过绑定申请' : '驳回绑定申请',
        approve ? `确认${r.name}是${who}吗？通过后不能撤回。` : `确定驳回${r.name}绑定${r.label}的申请吗？`,
        approve ? '通过' : '驳回',
      )
      if (!ok) return
      const choice = !approve || owner ? {} : memberId === NEW_MEMBER ? { newMember: { relation, birth: birth.trim() || null } } : { memberId: memberId! }
      const res = await call('users', 'decideBinding', { requestId: r.requestId, approve, ...choice, ...(approve ? {} : { reason: '经核实不是该户住户' }) })
      if (!res.ok) return toast(res.error.message)
      toast(approve ? '已通过' : '已驳回')
      onDecided(res.data)
    })

  const d = detail.state.status === 'ok' ? detail.state.data : null
  return (
    <View className='list-item binding-request'>
      <Text className='list-item-title'>{`${r.name} 申请${owner ? '作为产权人' : ''}绑定 ${r.label}`}</Text>
      <Text className='list-item-meta'>{`户主：${r.holderName || '—'} · ${beijing(r.createdAt).format('YYYY-MM-DD')}${r.bound ? ' · 已用绑定码绑定，待核对成员' : ''}`}</Text>
      {r.status !== 'pending' ? <Text className='tag'>{STATUS.find((s) => s.id === r.status)?.label}</Text> : null}
      {r.status === 'pending' && !open ? (
        <Button className='btn btn-secondary btn-block' onClick={() => setOpen(true)}>
          核对住户名册
        </Button>
      ) : null}
      {r.status === 'pending' && open ? (
        <View>
          {detail.state.status === 'loading' ? <Loading /> : null}
          {detail.state.status === 'error' ? <ErrorState error={detail.state.error} onRetry={detail.reload} /> : null}
          {d && owner ? (
            <Text className='confirm-line'>
              {d.owner
                ? `登记的产权人：${d.owner.name}${d.owner.boundTo ? `（已由${d.owner.boundTo}绑定）` : ''}`
                : '这户还没有登记产权人，请先在住户名册中登记'}
            </Text>
          ) : null}
          {d && !owner ? (
            <View>
              <Text className='field-label'>{`${r.name}是：`}</Text>
              <ChoiceList
                selectedId={memberId}
                choices={[
                  ...d.people
                    .filter((p) => !p.boundTo)
                    .map((p) => ({ id: p.id, label: p.name, hint: `${p.relation}${p.birth ? ` · ${p.birth.slice(0, 4)}年生` : ''}` })),
                  { id: NEW_MEMBER, label: '名册上没有，新增为家庭成员' },
                ]}
                onChoose={(c) => setMemberId(c.id)}
              />
              {memberId === NEW_MEMBER ? (
                <View>
                  <Text className='field-label'>与户主关系</Text>
                  <ChoiceList selectedId={relation} choices={RELATIONS.map((x) => ({ id: x, label: x }))} onChoose={(c) => setRelation(c.id)} />
                  <Text className='field-label'>出生年份（可不填）</Text>
                  <Input
                    className='input'
                    type='number'
                    maxlength={4}
                    value={birth}
                    ariaLabel='出生年份，4位数字'
                    placeholder='如 1960'
                    onInput={(e) => setBirth(e.detail.value)}
                  />
                </View>
              ) : null}
            </View>
          ) : null}
          <View className='row'>
            <Button className='btn btn-primary' disabled={busy || !d || (owner && !d.owner)} onClick={() => void decide(true)}>
              通过
            </Button>
            <Button className='btn btn-secondary' disabled={busy} onClick={() => void decide(false)}>
              驳回
            </Button>
          </View>
        </View>
      ) : null}
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
    <Page className='staff-bindings'>
      <CommunityBar staff={staff}>
        <View className='card'>
          <ChoiceList selectedId={status} choices={STATUS} onChoose={(c) => setStatus(c.id as BindingStatus)} />
        </View>
        <View className='card'>
          {list.items.map((r) => (
            <Request key={r.requestId} r={r} onDecided={(next) => list.replace((x) => x.requestId === next.requestId, next)} />
          ))}
          <PagedFooter list={list} emptyText='没有需要处理的申请' />
        </View>
      </CommunityBar>
    </Page>
  )
}
