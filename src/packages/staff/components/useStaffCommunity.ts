import { useEffect, useMemo, useState } from 'react'
import Taro from '@tarojs/taro'
import type { CommunityView, ErrorBody, Role } from '../../../../types'
import { call } from '../../../api'
import { useMe } from '../../../hooks/useMe'
import { STAFF_ROLES, communitiesWithRole, staffStreets, type CommunityChoice } from '../../../lib/roles'

const KEY = 'staff-community'

/**
 * The communities a staff member manages: their own community roles, plus every community of their street for
 * street staff. The last choice is remembered so the staff pages open on the same community. `roles` widens the
 * community roles a page serves (the ticket list and dashboard also serve grid leaders).
 */
export function useStaffCommunity(roles: readonly Role[] = STAFF_ROLES) {
  const me = useMe()
  const [streetCommunities, setStreetCommunities] = useState<CommunityView[]>([])
  const [streetError, setStreetError] = useState<ErrorBody | null>(null)
  const [picked, setPicked] = useState<string | null>(() => {
    const fromQuery = Taro.getCurrentInstance()?.router?.params?.communityId
    if (fromQuery) return fromQuery
    try {
      return (Taro.getStorageSync(KEY) as string) || null
    } catch {
      return null
    }
  })

  const meData = me.state.status === 'ok' ? me.state.data : null
  const streets = useMemo(() => staffStreets(meData), [meData])

  useEffect(() => {
    if (!streets.length) return
    let live = true
    void Promise.all(streets.map((streetId) => call('places', 'communities', { streetId }))).then((answers) => {
      if (!live) return
      const failed = answers.find((a) => !a.ok)
      if (failed && !failed.ok) setStreetError(failed.error)
      setStreetCommunities(answers.flatMap((a) => (a.ok ? a.data : [])))
    })
    return () => {
      live = false
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed by the ids: a reloaded `me` with the same streets does not refetch
  }, [streets.join(',')])

  const choices: CommunityChoice[] = useMemo(() => {
    const own = communitiesWithRole(meData, roles)
    const seen = new Set(own.map((c) => c.id))
    return [...own, ...streetCommunities.filter((c) => !seen.has(c.id)).map((c) => ({ id: c.id, name: c.name }))]
    // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed by the roles, not the array: pages pass a literal, new each render
  }, [meData, streetCommunities, roles.join(',')])

  const communityId = picked && choices.some((c) => c.id === picked) ? picked : choices.length === 1 ? choices[0].id : null
  const choose = (id: string | null) => {
    setPicked(id)
    if (id) Taro.setStorageSync(KEY, id)
  }

  return {
    me,
    choices,
    communityId,
    community: choices.find((c) => c.id === communityId) ?? null,
    choose,
    error: me.state.status === 'error' ? me.state.error : streetError,
    loading: me.state.status === 'loading',
  }
}
