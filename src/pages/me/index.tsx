import { useEffect, useState } from 'react'
import { View, Text, Button } from '@tarojs/components'
import type { MeView } from '../../../types'
import { call } from '../../api'
import { askToSubscribe, prefetchSubscriptions } from '../../api/subscribe'
import { useMe } from '../../hooks/useMe'
import { ROLE_LABELS, hasAnyRole } from '../../lib/roles'
import { CONSOLE_ROLES } from '../../../types/consoleLabels'
import { ErrorState, Loading } from '../../components/States'
import { toast } from '../../components/ConfirmModal'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { takeMeIntent } from '../../lib/intent'
import { bindCodeFromQuery } from '../../lib/placeCode'
import { BindByCode } from './BindByCode'
import { BindHousehold, type BindStart } from './BindHousehold'
import { CodeForm } from './CodeForm'
import { PrivacyCard } from './Privacy'
import { Profile } from './Profile'
import { LargeTypeCard } from './LargeType'
import { Page } from '../../components/Page'
import './index.css'

function Roles({ me }: { me: MeView }) {
  return (
    <View className='card roles'>
      <Text className='subtitle'>我的身份</Text>
      {me.roles.length === 0 ? <Text className='muted'>居民（还没有其他身份）</Text> : null}
      {me.roles.map((r) => (
        <View key={`${r.role}-${r.communityId ?? r.streetId}`} className='list-item'>
          <Text className='list-item-title'>{ROLE_LABELS[r.role]}</Text>
          <Text className='list-item-meta'>{r.communityName ?? r.streetName}</Text>
        </View>
      ))}
    </View>
  )
}

function Households({ me, onBind }: { me: MeView; onBind: () => void }) {
  return (
    <View className='card households'>
      <Text className='subtitle'>我的住户</Text>
      {me.households.length === 0 && me.pendingBindings.length === 0 ? <Text className='muted'>还没有绑定住户。绑定后可以参与小区议事和投票。</Text> : null}
      {me.households.map((h) => (
        <View key={h.householdId} className='list-item'>
          <Text className='list-item-title'>{`${h.buildingName} ${h.unitName} ${h.room}`}</Text>
          <Text className='list-item-meta'>{h.communityName}</Text>
        </View>
      ))}
      {me.pendingBindings.map((p) => (
        <View key={p.requestId} className='list-item pending'>
          <Text className='list-item-title'>{p.label}</Text>
          <Text className='list-item-meta'>{`${p.communityName} · 审核中`}</Text>
        </View>
      ))}
      <Button className='btn btn-secondary btn-block' onClick={onBind}>
        选择住户绑定
      </Button>
    </View>
  )
}

export default function Me() {
  const { state, reload, setData } = useMe()
  const [binding, setBinding] = useState(false)
  const [start, setStart] = useState<BindStart | null>(null)
  const router = useRouter()
  // sent here to bind (from the home page or a stairwell's report page): open the flow, at the room when a code came along.
  // On the first visit the page mounts (and a tab's first show may come before it); later visits only show it.
  const takeIntent = () => {
    const intent = takeMeIntent()
    if (!intent?.bind) return
    setBinding(true)
    setStart(null)
    if (intent.placeCode) {
      void call('places', 'resolveCode', { code: intent.placeCode }).then((res) => {
        if (!res.ok) return
        const unit = { id: res.data.unit.id, name: res.data.unit.name }
        setStart({ communityId: res.data.community.id, building: { id: res.data.building.id, name: res.data.building.name, units: [unit] }, unit })
      })
    }
  }
  useEffect(takeIntent, [])
  useDidShow(takeIntent)
  useEffect(() => void prefetchSubscriptions(), [])

  if (state.status === 'loading' || state.status === 'idle') return <Loading />
  if (state.status === 'error') {
    return (
      <Page>
        <ErrorState error={state.error} onRetry={reload} showHome />
      </Page>
    )
  }
  const me = state.data

  return (
    <Page className='me'>
      <LargeTypeCard />
      <Profile key={me.openid} me={me} onSaved={setData} />
      <Roles me={me} />
      {binding ? (
        <BindHousehold
          key={start?.unit.id ?? 'choose'}
          start={start}
          needName={!me.name}
          onCancel={() => setBinding(false)}
          onDone={(next) => {
            setData(next)
            setBinding(false)
          }}
        />
      ) : (
        <Households me={me} onBind={() => setBinding(true)} />
      )}
      {process.env.TARO_ENV === 'weapp' ? (
        <View className='card'>
          <Text className='subtitle'>消息提醒</Text>
          <Text className='muted'>报事有进展、议题有结果、志愿活动候补转正时，用微信通知您。每同意一次，可收到一条提醒。</Text>
          <Button
            className='btn btn-secondary btn-block'
            onClick={() =>
              void askToSubscribe(['stateChanged', 'matterChanged', 'volunteerPromoted']).then((kinds) => toast(kinds.length ? '已开启提醒' : '没有开启提醒'))
            }
          >
            开启消息提醒
          </Button>
        </View>
      ) : null}
      {hasAnyRole(me, CONSOLE_ROLES) ? (
        <View className='card'>
          <Text className='subtitle'>电脑端登录</Text>
          <Text className='muted'>在办公电脑上使用管理后台：扫电脑屏幕上的二维码登录，也可以在这里退出已登录的电脑。</Text>
          <Button className='btn btn-secondary btn-block' onClick={() => void Taro.navigateTo({ url: '/packages/console/pages/sessions/index' })}>
            电脑端登录
          </Button>
        </View>
      ) : null}
      <BindByCode onDone={setData} initialCode={bindCodeFromQuery(router?.params)} />
      <CodeForm
        title='使用邀请码'
        hint='网格员、社区工作人员请输入社区发给您的8位邀请码。'
        length={8}
        submitText='使用邀请码'
        confirmText={(c) => `邀请码 ${c} 只能使用一次，确定现在使用吗？`}
        onSubmit={async (code) => {
          const res = await call('users', 'redeemInvite', { code })
          if (!res.ok) return res.error
          setData(res.data)
          toast('身份已生效')
          return null
        }}
      />
      <PrivacyCard onDeleted={reload} />
    </Page>
  )
}
