import { useEffect } from 'react'
import { View, Text, Button } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { ErrorBody } from '../../types'
import type { Remote } from '../hooks/useRemote'
import { Page } from './Page'

export function Loading({ text = '正在加载…' }: { text?: string }) {
  return (
    <View className='state state-loading' ariaRole='status'>
      <Text className='state-text'>{text}</Text>
    </View>
  )
}

export const goHome = () => {
  void Taro.reLaunch({ url: '/pages/index/index' })
}

/** The current page as a URL, so a detour (choosing a demo identity) can come back to it. */
const currentUrl = (): string => {
  const router = Taro.getCurrentInstance().router
  if (!router) return '/pages/index/index'
  const query = Object.entries(router.params)
    .filter(([k, v]) => !k.startsWith('$') && v !== undefined)
    // Taro hands query values over as they stood in the URL (still encoded), so they go back unchanged
    .map(([k, v]) => `${k}=${String(v)}`)
    .join('&')
  return `${router.path.split('?')[0]}${query ? `?${query}` : ''}`
}

const CONSOLE_LOGIN = '/packages/console/pages/login/index'

/** Once per page load: a link opened before anyone signed in goes to sign-in, and sign-in comes back to it. */
let sentToSignIn = false

export function ErrorState({ error, onRetry, showHome }: { error: ErrorBody; onRetry?: () => void; showHome?: boolean }) {
  // The staff console (H5) signs in by scanning; its session ended, or on CloudBase nobody signed in yet: back to its QR
  const needsConsole =
    process.env.TARO_ENV === 'h5' && (error.code === 'AUTH.CONSOLE_SESSION_ENDED' || (error.code === 'AUTH.NOT_SIGNED_IN' && !!process.env.TARO_APP_CLOUD_ENV))
  // In the local H5 app nobody is signed in until they pick a demo identity; on weapp WeChat always says who.
  const needsIdentity = error.code === 'AUTH.NOT_SIGNED_IN' && process.env.TARO_ENV === 'h5' && !needsConsole
  useEffect(() => {
    if ((!needsIdentity && !needsConsole) || sentToSignIn) return
    sentToSignIn = true
    void Taro.redirectTo({ url: needsConsole ? CONSOLE_LOGIN : `/pages/dev-login/index?back=${encodeURIComponent(currentUrl())}` })
  }, [needsIdentity, needsConsole])
  return (
    <View className='state state-error' ariaRole='alert'>
      <Text className='state-text error-message'>{error.message}</Text>
      {needsConsole ? (
        <Button className='btn btn-primary' onClick={() => void Taro.redirectTo({ url: CONSOLE_LOGIN })}>
          扫码登录
        </Button>
      ) : null}
      {needsIdentity ? (
        <Button className='btn btn-primary' onClick={() => void Taro.navigateTo({ url: `/pages/dev-login/index?back=${encodeURIComponent(currentUrl())}` })}>
          选择演示身份
        </Button>
      ) : null}
      {error.issues?.length ? (
        <View className='issues'>
          {error.issues.map((i) => (
            <Text key={`${i.path}-${i.message}`} className='issue'>
              {/* messages are written for people; the path is for programs */}
              {i.message}
            </Text>
          ))}
        </View>
      ) : null}
      <View className='row'>
        {onRetry ? (
          <Button className='btn btn-primary' onClick={onRetry}>
            重试
          </Button>
        ) : null}
        {showHome ? (
          <Button className='btn btn-secondary' onClick={goHome}>
            回到首页
          </Button>
        ) : null}
      </View>
    </View>
  )
}

export function Empty({ text }: { text: string }) {
  return (
    <View className='state state-empty'>
      <Text className='state-text muted'>{text}</Text>
    </View>
  )
}

/**
 * What a page showing one record draws until it has it: a link without the record's id (a broken share or QR code),
 * loading, or the error with a retry. The page keeps the test that narrows its state:
 * `if (!id || state.status !== 'ok') return <Pending missing={id ? null : NO_ID} state={state} onRetry={reload} />`.
 */
export function Pending({ missing, state, onRetry }: { missing: ErrorBody | null; state: Remote<unknown>; onRetry: () => void }) {
  if (missing || state.status === 'error')
    return (
      <Page>
        <ErrorState error={missing ?? (state as { error: ErrorBody }).error} onRetry={missing ? undefined : onRetry} showHome />
      </Page>
    )
  return <Loading />
}
