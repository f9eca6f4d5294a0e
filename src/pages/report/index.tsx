import { useMemo } from 'react'
import { View, Text, Button } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { call } from '../../api'
import { useRemote } from '../../hooks/useRemote'
import { placeCodeFromQuery, type LaunchQuery } from '../../lib/placeCode'
import { Page } from '../../components/Page'
import { PlaceCard } from '../../components/PlaceCard'
import { ErrorState, Loading } from '../../components/States'
import { ReportForm } from './ReportForm'
import { useMe } from '../../hooks/useMe'
import { openBinding } from '../../lib/intent'
import './index.css'

/**
 * Someone reporting from a stairwell who has not bound a household yet most likely lives here: offer the binding that
 * starts at this very place, so they only pick the room. Said after the form: reporting never waits for it.
 */
function BindHere({ placeCode }: { placeCode: string }) {
  const me = useMe()
  const data = me.state.status === 'ok' ? me.state.data : null
  if (!data || data.households.length > 0 || data.pendingBindings.length > 0) return null
  return (
    <View className='card bind-here'>
      <Text className='subtitle'>住在这栋楼？</Text>
      <Text className='line'>绑定您家后，可以参加小区议事投票、收到社区公告，下次报事也不用再选位置。</Text>
      <Button className='btn btn-secondary btn-block' onClick={() => openBinding(placeCode)}>
        绑定我家
      </Button>
    </View>
  )
}

const NO_CODE = { code: 'PLACE.NO_CODE', message: '没有识别到楼道码，请重新扫描楼道里的二维码' }

export default function Report() {
  const router = useRouter()
  const params = (router?.params ?? {}) as LaunchQuery
  const { q, scene, code: codeParam } = params
  const code = useMemo(() => placeCodeFromQuery({ q, scene, code: codeParam }), [q, scene, codeParam])
  const { state, reload } = useRemote(() => (code ? call('places', 'resolveCode', { code }) : null), [code])

  return (
    // components/Page: on weapp large type (大字模式, or WeChat's font size turned up) is marked on each page's root
    <Page className='report'>
      {!code ? <ErrorState error={NO_CODE} showHome /> : null}
      {code && state.status === 'loading' ? <Loading text='正在识别楼道码…' /> : null}
      {state.status === 'error' ? <ErrorState error={state.error} onRetry={reload} showHome /> : null}
      {state.status === 'ok' ? (
        <View>
          <PlaceCard place={state.data} />
          <ReportForm place={state.data} />
          <BindHere placeCode={code!} />
        </View>
      ) : null}
    </Page>
  )
}
