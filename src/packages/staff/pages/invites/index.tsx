import { useState } from 'react'
import { View, Text, Button } from '@tarojs/components'
import type { CommunityRole, InviteView } from '../../../../../types'
import { call } from '../../../../api'
import { usePaged } from '../../../../hooks/usePaged'
import { useRemote, useSubmit } from '../../../../hooks/useRemote'
import { ROLE_LABELS } from '../../../../lib/roles'
import { COMMUNITY_ROLES } from '../../../../../types/roles'
import { ChoiceList } from '../../../../components/ChoiceList'
import { PagedFooter } from '../../../../components/PagedFooter'
import { confirm, toast } from '../../../../components/ConfirmModal'
import { CommunityBar } from '../../components/CommunityBar'
import { useStaffCommunity } from '../../components/useStaffCommunity'
import { Page } from '../../../../components/Page'
import { beijing } from '../../../../lib/time'

const INVITE_ROLES = COMMUNITY_ROLES
const VALIDITY = [
  { id: '24', label: '1天内有效' },
  { id: '72', label: '3天内有效' },
  { id: '168', label: '7天内有效' },
]

/** 2026-11-22 09:00, Beijing time */
const when = (iso: string) => beijing(iso).format('YYYY-MM-DD HH:mm')

function CreateInvite({ communityId, onCreated }: { communityId: string; onCreated: (i: InviteView) => void }) {
  const [role, setRole] = useState<CommunityRole>('grid_member')
  const [gridId, setGridId] = useState<string | null>(null)
  const [hours, setHours] = useState('72')
  const [created, setCreated] = useState<InviteView | null>(null)
  const { busy, run } = useSubmit()
  const gridRole = role === 'grid_member' || role === 'grid_leader'
  const tree = useRemote(() => (gridRole ? call('places', 'tree', { communityId }) : null), [communityId, gridRole])

  const submit = () =>
    run(async () => {
      if (!(await confirm('发放邀请码', `将发放一个“${ROLE_LABELS[role]}”邀请码，拿到的人即获得该身份。确定吗？`))) return
      const res = await call('users', 'createInvite', { communityId, role, gridId: gridRole ? gridId : null, validHours: Number(hours) })
      if (!res.ok) return toast(res.error.message)
      setCreated(res.data)
      onCreated(res.data)
    })

  return (
    <View className='card'>
      <Text className='subtitle'>发放邀请码</Text>
      <Text className='field-label'>身份</Text>
      <ChoiceList selectedId={role} choices={INVITE_ROLES.map((r) => ({ id: r, label: ROLE_LABELS[r] }))} onChoose={(c) => setRole(c.id as CommunityRole)} />
      {gridRole && tree.state.status === 'ok' ? (
        <View>
          <Text className='field-label'>所属网格</Text>
          <ChoiceList
            selectedId={gridId ?? 'none'}
            choices={[...tree.state.data.grids.map((g) => ({ id: g.id, label: g.name })), { id: 'none', label: '稍后再分配' }]}
            onChoose={(c) => setGridId(c.id === 'none' ? null : c.id)}
          />
        </View>
      ) : null}
      <Text className='field-label'>有效期</Text>
      <ChoiceList selectedId={hours} choices={VALIDITY} onChoose={(c) => setHours(c.id)} />
      <Button className='btn btn-primary btn-block' disabled={busy} loading={busy} onClick={() => void submit()}>
        生成邀请码
      </Button>
      {created ? (
        <View className='created' ariaRole='status'>
          <Text className='big-code'>{created.code}</Text>
          <Text className='muted'>{`${ROLE_LABELS[created.role]} · ${when(created.expiresAt)} 前有效，请当面交给对方`}</Text>
        </View>
      ) : null}
    </View>
  )
}

export default function Invites() {
  const staff = useStaffCommunity()
  const communityId = staff.communityId
  const list = usePaged<InviteView>((page) => (communityId ? call('users', 'listInvites', { communityId, page }) : null), [communityId])

  return (
    <Page className='staff-invites'>
      <CommunityBar staff={staff}>
        {communityId ? <CreateInvite communityId={communityId} onCreated={list.prepend} /> : null}
        <View className='card'>
          <Text className='subtitle'>已发放的邀请码</Text>
          {list.items.map((i) => (
            <View key={i.code} className='list-item'>
              <Text className='list-item-title code'>{i.code}</Text>
              <Text className='list-item-meta'>
                {`${ROLE_LABELS[i.role]} · ${i.used ? `已被${i.usedByName ?? '他人'}使用` : `${when(i.expiresAt)} 前有效`}`}
              </Text>
            </View>
          ))}
          <PagedFooter list={list} emptyText='还没有发放过邀请码' />
        </View>
      </CommunityBar>
    </Page>
  )
}
