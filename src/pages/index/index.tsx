import { useState } from 'react'
import { View, Text, Button } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { getDevIdentity } from '../../api'
import { useMe } from '../../hooks/useMe'
import { useReloadOnReturn } from '../../hooks/useRefresh'
import { placeCodeFromScan } from '../../lib/placeCode'
import { GRID_ROLES, ORGANISERS, STAFF_ROLES, hasAnyRole } from '../../lib/roles'
import { ErrorState } from '../../components/States'
import { toldPrivacyRefused } from '../../api/privacy'
import { PrivacyPrompt } from '../../components/PrivacyPrompt'
import { openBinding } from '../../lib/intent'
import type { MeView } from '../../../types'
import { call } from '../../api'
import { useRemote } from '../../hooks/useRemote'
import { Page } from '../../components/Page'
import './index.css'

const isWeapp = process.env.TARO_ENV === 'weapp'
const isH5 = process.env.TARO_ENV === 'h5'

const go = (url: string) => void Taro.navigateTo({ url })

async function scanToBind() {
  try {
    const res = await Taro.scanCode({ scanType: ['qrCode'] })
    const code = placeCodeFromScan(res)
    if (code) openBinding(code)
    else await Taro.showModal({ title: '没有识别到楼道码', content: '请对准您家楼道里张贴的“码上办”二维码', showCancel: false })
  } catch (e) {
    toldPrivacyRefused(e, '扫码')
  }
}

/** A first visit: how to become a resident of the app, in the fewest taps (scan one's own stairwell, pick the room). */
function Newcomer() {
  return (
    <View className='card newcomer'>
      <Text className='subtitle'>第一次使用？先绑定您家</Text>
      <Text className='line'>绑定后可以参加小区议事投票、收到社区公告，报事也不用再填地址。</Text>
      {isWeapp ? (
        <Button className='btn btn-primary btn-block' onClick={() => void scanToBind()}>
          扫我家楼道的二维码绑定
        </Button>
      ) : null}
      <Button className={`btn ${isWeapp ? 'btn-secondary' : 'btn-primary'} btn-block`} onClick={() => openBinding()}>
        选择社区和房号绑定
      </Button>
      <Text className='muted line'>社区发了绑定通知的，在“我的”页面输入通知上的绑定码即可。</Text>
    </View>
  )
}

/** A grid member's first screen: the tickets waiting for them, new and overdue counted. */
function GridDesk({ me }: { me: MeView }) {
  const communityId = me.roles.find((r) => r.communityId && GRID_ROLES.includes(r.role))?.communityId ?? null
  const { state, reload } = useRemote(() => (communityId ? call('tickets', 'inbox', { communityId, pageSize: 1 }) : null), [communityId])
  useReloadOnReturn(reload)
  const counts = state.status === 'ok' ? state.data.counts : null
  const label = counts ? `报事待办：新报事 ${counts.new} 件，已超期 ${counts.overdue} 件，办理中 ${counts.inProgress} 件` : '报事待办'
  return (
    <View className='card grid-desk'>
      <Button className='btn btn-primary btn-big btn-block' ariaLabel={label} onClick={() => go('/packages/grid/pages/inbox/index')}>
        报事待办
      </Button>
      {counts ? (
        <View className='row desk-counts'>
          <Text className={counts.overdue ? 'desk-count desk-overdue' : 'desk-count'}>{`超期 ${counts.overdue}`}</Text>
          <Text className='desk-count'>{`新报事 ${counts.new}`}</Text>
          <Text className='desk-count'>{`办理中 ${counts.inProgress}`}</Text>
        </View>
      ) : null}
    </View>
  )
}

/** The community's tickets and its three rates: for staff, and for grid leaders who supervise them. */
function TicketSupervision() {
  return (
    <>
      <Button className='btn btn-secondary btn-block' onClick={() => go('/packages/staff/pages/tickets/index')}>
        社区报事
      </Button>
      <Button className='btn btn-secondary btn-block' onClick={() => go('/packages/staff/pages/dashboard/index')}>
        三率看板
      </Button>
      <Button
        className='btn btn-secondary btn-block'
        ariaLabel='回访：给办结的报事居民打电话，核实是否真的解决'
        onClick={() => go('/packages/staff/pages/callbacks/index')}
      >
        回访
      </Button>
    </>
  )
}

async function scanToReport() {
  try {
    const res = await Taro.scanCode({ scanType: ['qrCode'] })
    const code = placeCodeFromScan(res)
    if (!code) {
      await Taro.showModal({ title: '没有识别到楼道码', content: '请对准楼道里张贴的“码上办”二维码再试一次', showCancel: false })
      return
    }
    go(`/pages/report/index?code=${code}`)
  } catch (e) {
    // cancelled by the person: nothing to say, unless the privacy guide was declined
    toldPrivacyRefused(e, '扫码')
  }
}

export default function Index() {
  const { state, reload } = useMe()
  const [h5Hint, setH5Hint] = useState(false)
  const devIdentity = isH5 ? getDevIdentity() : null
  // Coming back from 我的 or a subpackage: roles may have changed (an invite redeemed). The first show is the mount.
  useReloadOnReturn(reload)

  const me = state.status === 'ok' ? state.data : null
  const name = me?.registered && me.name ? me.name : '居民朋友'

  const newcomer = !!me && me.households.length === 0 && me.pendingBindings.length === 0 && !me.roles.some((r) => r.role !== 'resident')
  return (
    <Page className='home'>
      <PrivacyPrompt />
      {me && hasAnyRole(me, GRID_ROLES) ? <GridDesk me={me} /> : null}
      <View className='card'>
        <Text className='title'>{`您好，${name}`}</Text>
        <Text className='muted'>看到楼道里的问题，扫一扫就能告诉社区。</Text>
      </View>
      {newcomer ? <Newcomer /> : null}

      {isH5 && !devIdentity ? (
        <View className='card'>
          <Text className='subtitle'>还没有选择演示身份</Text>
          <Button className='btn btn-secondary btn-block' onClick={() => go('/pages/dev-login/index')}>
            选择演示身份
          </Button>
        </View>
      ) : null}

      <Button className='btn btn-primary btn-big btn-block' onClick={() => (isWeapp ? void scanToReport() : setH5Hint(true))}>
        扫码报事
      </Button>
      {h5Hint ? (
        <View className='card hint' ariaRole='note'>
          <Text>网页版不能直接扫码。请用手机微信扫描楼道里的二维码，或打开楼道码上的链接。</Text>
        </View>
      ) : null}

      <Button className='btn btn-secondary btn-big btn-block' onClick={() => void Taro.switchTab({ url: '/pages/tickets/index' })}>
        我的报事
      </Button>

      <Button className='btn btn-secondary btn-big btn-block' onClick={() => void Taro.switchTab({ url: '/pages/me/index' })}>
        我的
      </Button>

      {me && me.roles.some((r) => r.communityId) ? (
        <View>
          <Button className='btn btn-secondary btn-big btn-block' onClick={() => go('/packages/notice/pages/list/index')}>
            社区公告
          </Button>
          <Button className='btn btn-secondary btn-big btn-block' onClick={() => go('/packages/council/pages/list/index')}>
            议事协商
          </Button>
          <Button className='btn btn-secondary btn-big btn-block' onClick={() => go('/packages/volunteer/pages/list/index')}>
            志愿服务
          </Button>
          <Button className='btn btn-secondary btn-big btn-block' onClick={() => go('/packages/wish/pages/mine/index')}>
            微心愿
          </Button>
        </View>
      ) : null}

      {state.status === 'error' ? <ErrorState error={state.error} onRetry={reload} /> : null}

      {hasAnyRole(me, GRID_ROLES) ? (
        <Button className='btn btn-secondary btn-big btn-block' onClick={() => go('/packages/grid/pages/workbench/index')}>
          网格工作台
        </Button>
      ) : null}

      {/* a grid leader supervises the community's tickets without the rest of community management */}
      {hasAnyRole(me, ['grid_leader']) && !hasAnyRole(me, STAFF_ROLES) ? (
        <View className='card'>
          <Text className='subtitle'>网格长督办</Text>
          <TicketSupervision />
        </View>
      ) : null}

      {hasAnyRole(me, STAFF_ROLES) ? (
        <View className='card'>
          <Text className='subtitle'>社区管理</Text>
          <TicketSupervision />
          <Button className='btn btn-secondary btn-block' onClick={() => go('/packages/staff/pages/places/index')}>
            网格与楼栋
          </Button>
          <Button className='btn btn-secondary btn-block' onClick={() => go('/packages/staff/pages/bindings/index')}>
            住户绑定审核
          </Button>
          <Button className='btn btn-secondary btn-block' onClick={() => go('/packages/staff/pages/invites/index')}>
            身份邀请码
          </Button>
          {hasAnyRole(me, ORGANISERS) ? (
            <Button className='btn btn-secondary btn-block' onClick={() => go('/packages/staff/pages/moderation/index')}>
              内容审核
            </Button>
          ) : null}
          {hasAnyRole(me, ORGANISERS) ? (
            <Button className='btn btn-secondary btn-block' onClick={() => go('/packages/wish/pages/review/index')}>
              微心愿审核
            </Button>
          ) : null}
        </View>
      ) : null}

      {isH5 && devIdentity ? (
        <View className='card'>
          <Text className='muted'>{`演示身份：${devIdentity.label}`}</Text>
          <Button className='btn btn-plain btn-block' onClick={() => go('/pages/dev-login/index')}>
            切换演示身份
          </Button>
        </View>
      ) : null}
    </Page>
  )
}
