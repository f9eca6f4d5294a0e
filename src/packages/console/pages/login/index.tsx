import { useCallback, useEffect, useRef, useState } from 'react'
import { View, Text, Button, Image } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { ConsoleLoginStart, ErrorBody } from '../../../../../types'
import { call } from '../../../../api'
import { signInToConsole } from '../../../../api/console'
import { ErrorState, Loading } from '../../../../components/States'
import { Page } from '../../../../components/Page'
import '../../components/console.css'

/** Where the console opens once signed in. */
export const CONSOLE_HOME = '/packages/staff/pages/dashboard/index'
const POLL_MS = 2000

type Stage =
  { kind: 'loading' } | { kind: 'showing'; start: ConsoleLoginStart } | { kind: 'cancelled' } | { kind: 'signing-in' } | { kind: 'error'; error: ErrorBody }

/**
 * 工作人员电脑端登录 (H5 only): the office computer shows a QR of a short-lived login request; the staff member scans it
 * with the mini-program and confirms on the phone; this page, polling, then signs in with the custom-login ticket the
 * confirmation produced and opens the dashboard. An expired QR is renewed by itself.
 */
export default function ConsoleLogin() {
  const [stage, setStage] = useState<Stage>({ kind: 'loading' })
  const live = useRef(true)

  const renew = useCallback(async () => {
    setStage({ kind: 'loading' })
    const res = await call('users', 'createConsoleLogin', { userAgent: typeof navigator === 'undefined' ? undefined : navigator.userAgent.slice(0, 400) })
    if (!live.current) return
    setStage(res.ok ? { kind: 'showing', start: res.data } : { kind: 'error', error: res.error })
  }, [])

  useEffect(() => {
    live.current = true
    void renew()
    return () => {
      live.current = false
    }
  }, [renew])

  const start = stage.kind === 'showing' ? stage.start : null
  useEffect(() => {
    if (!start) return
    let stopped = false
    const poll = async () => {
      if (stopped) return
      const res = await call('users', 'consoleLoginStatus', { requestId: start.requestId, pollToken: start.pollToken })
      if (stopped || !live.current) return
      if (!res.ok) {
        // a network hiccup: keep asking; anything else ends this QR
        if (res.error.code === 'NETWORK') timer = setTimeout(poll, POLL_MS)
        else setStage({ kind: 'error', error: res.error })
        return
      }
      const s = res.data
      if (s.status === 'pending') timer = setTimeout(poll, POLL_MS)
      else if (s.status === 'expired') void renew()
      else if (s.status === 'cancelled') setStage({ kind: 'cancelled' })
      else {
        setStage({ kind: 'signing-in' })
        const refused = await signInToConsole(s.ticket)
        if (!live.current) return
        if (refused) setStage({ kind: 'error', error: refused })
        else void Taro.redirectTo({ url: CONSOLE_HOME })
      }
    }
    let timer = setTimeout(poll, POLL_MS)
    return () => {
      stopped = true
      clearTimeout(timer)
    }
  }, [start, renew])

  return (
    <Page className='console-login'>
      <View className='console-login-cols'>
        <View className='card console-qr-card' ariaLive='polite'>
          {stage.kind === 'loading' ? <Loading text='正在生成登录二维码…' /> : null}
          {stage.kind === 'showing' ? (
            <>
              <Image
                className='console-qr'
                src={stage.start.qr}
                mode='aspectFit'
                ariaLabel='电脑登录二维码，请用小程序扫描'
                nativeProps={{ alt: '电脑登录二维码，请用小程序扫描', 'data-qr-text': stage.start.qrText }}
              />
              <Text className='console-state' ariaRole='status'>
                等待手机扫码确认…
              </Text>
              <Text className='muted line'>二维码几分钟内有效，过期后会自动更新。</Text>
            </>
          ) : null}
          {stage.kind === 'signing-in' ? (
            <Text className='console-state console-ok' ariaRole='status'>
              手机已确认，正在登录…
            </Text>
          ) : null}
          {stage.kind === 'cancelled' ? (
            <>
              <Text className='console-state console-warn' ariaRole='alert'>
                已在手机上取消登录
              </Text>
              <Button className='btn btn-primary btn-block' onClick={() => void renew()}>
                重新获取二维码
              </Button>
            </>
          ) : null}
          {stage.kind === 'error' ? <ErrorState error={stage.error} onRetry={() => void renew()} /> : null}
        </View>
        <View className='card console-intro'>
          <Text className='title line'>社区码上办 · 工作人员电脑端</Text>
          <Text className='console-steps'>1. 在手机上打开“社区码上办”小程序，进入“我的 → 电脑端登录”；</Text>
          <Text className='console-steps'>2. 点“扫码登录电脑”，扫描这里的二维码；</Text>
          <Text className='console-steps'>3. 核对手机上显示的电脑和地点，点“确认登录”。</Text>
          <Text className='muted line'>仅社区工作人员、党组织书记、网格长和街道工作人员可以登录。登录一个工作日后自动退出。</Text>
        </View>
      </View>
    </Page>
  )
}
