import { useState } from 'react'
import { View, Text, Button } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import type { ErrorBody } from '../../../../../types'
import { consoleQrFrom } from '../../../../../types/consoleLabels'
import { call } from '../../../../api'
import { useRemote, useSubmit } from '../../../../hooks/useRemote'
import { ErrorState, Loading } from '../../../../components/States'
import { Page } from '../../../../components/Page'
import { shortTime } from '../../components/time'
import '../../components/console.css'

const decodeOnce = (s: string) => {
  try {
    return decodeURIComponent(s)
  } catch {
    return s
  }
}

/** The request a scan opened: WeChat's `q` (the QR's whole link, scanned with WeChat) or the in-app scan's fields. */
export const requestFrom = (params: Record<string, string | undefined>) =>
  params.q ? consoleQrFrom(decodeOnce(params.q)) : params.requestId && params.env ? consoleQrFrom(`${params.requestId}?env=${decodeOnce(params.env)}`) : null

/**
 * 确认电脑登录: after scanning the computer's QR, the staff member sees which computer asks and from which address,
 * and confirms or cancels. Confirming signs that computer in as them for a working day.
 */
export default function ConfirmConsoleLogin() {
  const router = useRouter()
  const qr = requestFrom(router?.params ?? {})
  const { state } = useRemote(() => (qr ? call('users', 'consoleLoginRequest', qr) : null), [qr?.requestId])
  const { busy, run } = useSubmit()
  const [done, setDone] = useState<'approved' | 'cancelled' | null>(null)
  const [failed, setFailed] = useState<ErrorBody | null>(null)

  const decide = (approve: boolean) =>
    void run(async () => {
      const res = await call('users', 'approveConsoleLogin', { ...qr!, approve })
      if (res.ok) setDone(approve ? 'approved' : 'cancelled')
      else setFailed(res.error)
    })

  if (!qr) {
    return (
      <Page>
        <ErrorState error={{ code: 'CONSOLE.LOGIN_UNKNOWN', message: '这不是电脑登录二维码，请在电脑上打开工作人员登录页后重新扫描' }} showHome />
      </Page>
    )
  }
  if (done) {
    return (
      <Page className='console-confirm'>
        <View className='card' ariaRole='status'>
          <Text className={`console-state ${done === 'approved' ? 'console-ok' : 'console-warn'}`}>
            {done === 'approved' ? '✓ 电脑已登录' : '已取消，电脑没有登录'}
          </Text>
          <Text className='muted line'>
            {done === 'approved' ? '用完电脑后，可在“我的 → 电脑端登录”中退出。' : '如需登录，请在电脑上刷新二维码后重新扫描。'}
          </Text>
          <Button className='btn btn-secondary btn-block' onClick={() => void Taro.navigateBack().catch(() => Taro.reLaunch({ url: '/pages/me/index' }))}>
            返回
          </Button>
        </View>
      </Page>
    )
  }
  if (failed) {
    return (
      <Page>
        <ErrorState error={failed} showHome />
      </Page>
    )
  }
  if (state.status === 'loading' || state.status === 'idle') return <Loading />
  if (state.status === 'error') {
    return (
      <Page>
        <ErrorState error={state.error} showHome />
      </Page>
    )
  }
  const r = state.data
  return (
    <Page className='console-confirm'>
      <View className='card'>
        <Text className='subtitle line'>有一台电脑请求用您的身份登录</Text>
        <Text className='console-computer'>{r.computer}</Text>
        <View className='kv'>
          <Text className='kv-key'>网络地址</Text>
          <Text>{r.ip ?? '未知'}</Text>
        </View>
        <View className='kv'>
          <Text className='kv-key'>请求时间</Text>
          <Text>{shortTime(r.createdAt)}</Text>
        </View>
        <Text className='muted line'>请确认这是您面前的电脑。若不是您本人操作，请点“取消”。登录后一个工作日内有效。</Text>
        <View className='console-actions'>
          <Button className='btn btn-primary btn-block' disabled={busy} ariaLabel={`确认登录${r.computer}`} onClick={() => decide(true)}>
            确认登录
          </Button>
          <Button className='btn btn-secondary btn-block' disabled={busy} ariaLabel='取消，不登录这台电脑' onClick={() => decide(false)}>
            取消
          </Button>
        </View>
      </View>
    </Page>
  )
}
