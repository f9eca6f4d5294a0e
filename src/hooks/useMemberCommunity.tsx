import { useMemo, useState, type ReactNode } from 'react'
import { View, Text, Button } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { Role } from '../../types'
import { ErrorState, Loading } from '../components/States'
import { COMMUNITY_MEMBERS, communitiesWithRole } from '../lib/roles'
import { useMe } from './useMe'
import { Page } from '../components/Page'

/**
 * The community whose notices, council and volunteering a person sees: the first they belong to, or the one they
 * picked when they belong to several. `rolesHere` are their roles there.
 */
export function useMemberCommunity() {
  const me = useMe()
  const meData = me.state.status === 'ok' ? me.state.data : null
  const communities = useMemo(() => communitiesWithRole(meData, COMMUNITY_MEMBERS), [meData])
  const [picked, setPicked] = useState<string | null>(null)
  const communityId = picked ?? communities[0]?.id ?? null
  const rolesHere: Role[] = (meData?.roles ?? []).filter((r) => r.communityId === communityId).map((r) => r.role)
  return { me, communities, communityId, pick: setPicked, rolesHere, has: (roles: readonly Role[]) => rolesHere.some((r) => roles.includes(r)) }
}

/** Loading, error, or "bind a household first" until the person's community is known; then the page. */
export function MemberGate({
  member,
  needsHousehold,
  children,
}: {
  member: ReturnType<typeof useMemberCommunity>
  needsHousehold: string
  children: ReactNode
}) {
  const { me, communityId } = member
  if (me.state.status === 'loading' || me.state.status === 'idle') return <Loading />
  if (me.state.status === 'error')
    return (
      <Page>
        <ErrorState error={me.state.error} onRetry={me.reload} showHome />
      </Page>
    )
  if (!communityId) {
    return (
      <Page>
        <View className='card'>
          <Text>{needsHousehold}</Text>
          <Button className='btn btn-primary btn-block' onClick={() => void Taro.switchTab({ url: '/pages/me/index' })}>
            去绑定住户
          </Button>
        </View>
      </Page>
    )
  }
  return <>{children}</>
}
