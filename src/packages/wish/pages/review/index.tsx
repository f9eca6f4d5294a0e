import { useState } from 'react'
import { View, Text, Button } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import type { ErrorBody } from '../../../../../types'
import { WISH_STATE_LABELS, type WishState } from '../../../../../types/wishLabels'
import { call } from '../../../../api'
import { usePaged } from '../../../../hooks/usePaged'
import { useRemote, useSubmit } from '../../../../hooks/useRemote'
import { usePullToReload, useReloadOnReturn } from '../../../../hooks/useRefresh'
import { useMemberCommunity } from '../../../../hooks/useMemberCommunity'
import { Chip, ChipGroup } from '../../../../components/Chip'
import { ChoiceList } from '../../../../components/ChoiceList'
import { confirm, toast } from '../../../../components/ConfirmModal'
import { PagedFooter } from '../../../../components/PagedFooter'
import { ErrorState, Loading } from '../../../../components/States'
import { Page } from '../../../../components/Page'
import { ORGANISERS } from '../../../../lib/roles'
import { WishCard } from '../../components/WishCard'
import '../../components/wish.css'

const STATES: WishState[] = ['pending', 'open', 'claimed', 'done', 'confirmed', 'rejected', 'cancelled']
const DAYS = [1, 2, 3, 5, 7, 14].map((d) => ({ id: String(d), label: `${d}天` }))

/** How long a claim may stay undone before it goes back to open: a community setting. */
function ClaimDays({ communityId }: { communityId: string }) {
  const { state, setData } = useRemote(() => call('wishes', 'settings', { communityId }), [communityId])
  const [error, setError] = useState<ErrorBody | null>(null)
  const { busy, run } = useSubmit()
  if (state.status !== 'ok') return state.status === 'error' ? <ErrorState error={state.error} /> : null
  const change = (days: number) =>
    run(async () => {
      if (days === state.data.claimDays || busy) return
      if (!(await confirm('认领期限', `以后认领的心愿，${days}天内未完成将自动释放给其他志愿者。确定修改吗？`, '修改'))) return
      setError(null)
      const res = await call('wishes', 'updateSettings', { communityId, claimDays: days })
      if (!res.ok) return setError(res.error)
      setData(res.data)
      toast('已修改')
    })
  return (
    <View className='card'>
      <Text className='field-label'>认领后几天内未完成，自动释放</Text>
      <ChoiceList label='认领期限' choices={DAYS} selectedId={String(state.data.claimDays)} onChoose={(c) => void change(Number(c.id))} />
      {error ? <ErrorState error={error} /> : null}
    </View>
  )
}

/** 微心愿审核与管理: the community's wishes by state (the pending ones, oldest first, to approve), the claim period, posting for a resident. */
export default function WishReview() {
  const member = useMemberCommunity()
  const picked = useRouter()?.params?.communityId
  const staffCommunities =
    member.me.state.status === 'ok' ? member.me.state.data.roles.filter((r) => r.communityId && ORGANISERS.includes(r.role)).map((r) => r.communityId!) : []
  const communityId = picked && staffCommunities.includes(picked) ? picked : (staffCommunities[0] ?? null)
  const [state, setState] = useState<WishState>('pending')
  const list = usePaged((page) => (communityId ? call('wishes', 'queue', { communityId, state, page, pageSize: 20 }) : null), [communityId, state])
  useReloadOnReturn(list.reload)
  usePullToReload(list.reload)

  if (member.me.state.status === 'loading' || member.me.state.status === 'idle') return <Loading />
  if (member.me.state.status === 'error')
    return (
      <Page>
        <ErrorState error={member.me.state.error} onRetry={member.me.reload} showHome />
      </Page>
    )
  if (!communityId)
    return (
      <Page>
        <ErrorState error={{ code: 'AUTH.FORBIDDEN', message: '只有社区工作人员可以审核微心愿' }} showHome />
      </Page>
    )

  return (
    <Page className='wish-review'>
      <Button
        className='btn btn-primary btn-block'
        onClick={() => void Taro.navigateTo({ url: `/packages/wish/pages/post/index?communityId=${communityId}&for=1` })}
      >
        代居民发布微心愿
      </Button>
      <ChipGroup label='状态'>
        {STATES.map((s) => (
          <Chip key={s} on={state === s} label={WISH_STATE_LABELS[s]} name={`状态：${WISH_STATE_LABELS[s]}`} onClick={() => setState(s)} />
        ))}
      </ChipGroup>
      {list.items.map((w) => (
        <WishCard key={w.id} w={w} />
      ))}
      <PagedFooter list={list} emptyText={`没有${WISH_STATE_LABELS[state]}的微心愿`} />
      <ClaimDays communityId={communityId} />
    </Page>
  )
}
