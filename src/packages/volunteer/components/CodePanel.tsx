import { useEffect, useState } from 'react'
import { View, Text, Button, Image } from '@tarojs/components'
import type { CheckinCodeView, ErrorBody } from '../../../../types'
import { call } from '../../../api'
import { ErrorState, Loading } from '../../../components/States'

/**
 * The organiser's code, shown big at the place. It changes every 30 seconds: a countdown runs to the change, then
 * the next code is fetched by itself. Timers stop when the panel goes away.
 */
export function CodePanel({ activityId }: { activityId: string }) {
  const [code, setCode] = useState<CheckinCodeView | null>(null)
  const [error, setError] = useState<ErrorBody | null>(null)
  const [left, setLeft] = useState(0)
  const [round, setRound] = useState(0)

  useEffect(() => {
    let alive = true
    void call('volunteers', 'checkinCode', { activityId }).then((res) => {
      if (!alive) return
      if (!res.ok) return setError(res.error)
      setError(null)
      setCode(res.data)
      setLeft(Math.max(1, res.data.secondsLeft))
    })
    return () => {
      alive = false
    }
  }, [activityId, round])

  useEffect(() => {
    if (!code) return undefined
    const timer = setInterval(() => setLeft((s) => Math.max(0, s - 1)), 1000)
    return () => clearInterval(timer)
  }, [code])

  useEffect(() => {
    if (code && left === 0 && !error) setRound((r) => r + 1)
  }, [code, left, error])

  if (error) return <ErrorState error={error} onRetry={() => setRound((r) => r + 1)} />
  if (!code) return <Loading text='正在获取签到码…' />
  return (
    <View className='card code-panel' ariaRole='region' ariaLabel='签到码'>
      <Text className='muted line'>请志愿者扫码，或输入下面的6位数字签到、签退</Text>
      <Image className='vol-qr' src={code.qr} mode='aspectFit' ariaLabel='签到二维码' nativeProps={{ alt: '签到二维码' }} />
      <View ariaLabel={`签到码 ${code.code.split('').join(' ')}`}>
        <Text className='vol-code'>{code.code}</Text>
      </View>
      <View ariaRole='timer'>
        <Text className='vol-countdown'>{left > 0 ? `${left}秒后更新` : '正在更新…'}</Text>
      </View>
      <Button className='btn btn-plain btn-block' onClick={() => setRound((r) => r + 1)}>
        立即刷新
      </Button>
    </View>
  )
}
