import { useMemo, useState } from 'react'
import { View, Text, Button, Input } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import type { ErrorBody, PartyMemberView } from '../../../../../types'
import { call } from '../../../../api'
import { useMe } from '../../../../hooks/useMe'
import { usePaged } from '../../../../hooks/usePaged'
import { useSubmit } from '../../../../hooks/useRemote'
import { toast } from '../../../../components/ConfirmModal'
import { PagedFooter } from '../../../../components/PagedFooter'
import { ErrorState, Loading } from '../../../../components/States'
import { COMMUNITY_MEMBERS, ORGANISERS, communitiesWithRole } from '../../../../lib/roles'
import { hours, when } from '../../components/format'
import { Page } from '../../../../components/Page'
import '../../components/volunteer.css'

function Members({ communityId }: { communityId: string }) {
  const list = usePaged((page) => call('volunteers', 'partyMembers', { communityId, page, pageSize: 20 }), [communityId])
  return (
    <View className='card'>
      <Text className='subtitle line'>已报到的在职党员</Text>
      {list.items.map((m: PartyMemberView) => (
        <View key={m.openid} className='list-item'>
          <Text className='list-item-title line'>{`${m.name}${m.phone ? `（${m.phone}）` : ''}`}</Text>
          <Text className='list-item-meta line'>{`${m.workplace} · ${m.branchName}`}</Text>
          <Text className='list-item-meta line'>{`今年服务 ${hours(m.hoursThisYear)}，累计 ${hours(m.hours)}，参加 ${m.activities} 次 · ${when(m.registeredAt)} 报到`}</Text>
        </View>
      ))}
      <PagedFooter list={list} emptyText='还没有在职党员报到' />
    </View>
  )
}

/** 在职党员双报到: a party member working elsewhere reports to the community where they live; organisers see who did. */
export default function PartyRegistration() {
  const params = useRouter()?.params ?? {}
  const me = useMe()
  const meData = me.state.status === 'ok' ? me.state.data : null
  const communities = useMemo(() => communitiesWithRole(meData, COMMUNITY_MEMBERS), [meData])
  const communityId = params.communityId || communities[0]?.id || null
  const [workplace, setWorkplace] = useState('')
  const [branchName, setBranchName] = useState('')
  const [done, setDone] = useState<PartyMemberView | null>(null)
  const [error, setError] = useState<ErrorBody | null>(null)
  const { busy, run } = useSubmit()

  if (me.state.status === 'loading') return <Loading />
  if (me.state.status === 'error')
    return (
      <Page>
        <ErrorState error={me.state.error} onRetry={me.reload} showHome />
      </Page>
    )
  if (!communityId)
    return (
      <Page>
        <ErrorState error={{ code: 'NOT_FOUND', message: '绑定住户后才能向居住地社区报到' }} showHome />
      </Page>
    )
  const organiser = (meData?.roles ?? []).some((r) => r.communityId === communityId && ORGANISERS.includes(r.role))

  const submit = () =>
    run(async () => {
      setError(null)
      const res = await call('volunteers', 'registerPartyMember', { communityId, workplace: workplace.trim(), branchName: branchName.trim() })
      if (!res.ok) return setError(res.error)
      setDone(res.data)
      toast('报到成功')
    })

  return (
    <Page className='volunteer-party'>
      <View className='card form'>
        <Text className='muted line'>在职党员向居住地社区报到后，参加社区志愿服务的时长会计入报到记录。</Text>
        {done ? (
          <View ariaRole='status'>
            <Text className='vol-status'>已报到</Text>
            <Text className='line'>{`${done.workplace} · ${done.branchName}`}</Text>
            <Text className='muted line'>{`${when(done.updatedAt)} 登记，信息有变化可以重新提交`}</Text>
          </View>
        ) : null}
        <Text className='field-label'>工作单位</Text>
        <Input
          className='input'
          value={workplace}
          maxlength={60}
          ariaLabel='工作单位'
          placeholder='比如：市第一人民医院'
          onInput={(e) => setWorkplace(e.detail.value)}
        />
        <Text className='field-label'>所在党组织</Text>
        <Input
          className='input'
          value={branchName}
          maxlength={60}
          ariaLabel='所在党组织'
          placeholder='比如：市第一人民医院内科党支部'
          onInput={(e) => setBranchName(e.detail.value)}
        />
        {error ? <ErrorState error={error} /> : null}
        <Button className='btn btn-primary btn-big btn-block' disabled={busy} onClick={() => void submit()}>
          {done ? '更新报到信息' : '提交报到'}
        </Button>
      </View>
      {organiser ? <Members communityId={communityId} /> : null}
    </Page>
  )
}
