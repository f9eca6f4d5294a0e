import { useMemo } from 'react'
import { View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { call } from '../../api'
import { useRemote } from '../../hooks/useRemote'
import { placeCodeFromQuery, type LaunchQuery } from '../../lib/placeCode'
import { PlaceCard } from '../../components/PlaceCard'
import { ErrorState, Loading } from '../../components/States'
import { ReportForm } from './ReportForm'
import './index.css'

const NO_CODE = { code: 'PLACE.NO_CODE', message: '没有识别到楼道码，请重新扫描楼道里的二维码' }

export default function Report() {
  const router = useRouter()
  const params = (router?.params ?? {}) as LaunchQuery
  const code = useMemo(() => placeCodeFromQuery(params), [params.q, params.scene, params.code])
  const { state, reload } = useRemote(() => (code ? call('places', 'resolveCode', { code }) : null), [code])

  return (
    <View className='page report'>
      {!code ? <ErrorState error={NO_CODE} showHome /> : null}
      {code && state.status === 'loading' ? <Loading text='正在识别楼道码…' /> : null}
      {state.status === 'error' ? <ErrorState error={state.error} onRetry={reload} showHome /> : null}
      {state.status === 'ok' ? (
        <View>
          <PlaceCard place={state.data} />
          <ReportForm place={state.data} />
        </View>
      ) : null}
    </View>
  )
}
