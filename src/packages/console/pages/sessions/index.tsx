import { View, Text, Button } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import type { ConsoleSessionView } from '../../../../../types'
import { call } from '../../../../api'
import { signOutOfConsole } from '../../../../api/console'
import { useRemote, useSubmit } from '../../../../hooks/useRemote'
import { confirm, toast } from '../../../../components/ConfirmModal'
import { Empty, ErrorState, Loading } from '../../../../components/States'
import { Page } from '../../../../components/Page'
import { shortTime } from '../../components/time'
import { scanConsoleQr } from '../../components/scan'
import '../../components/console.css'

function Session({ s, busy, onEnd }: { s: ConsoleSessionView; busy: boolean; onEnd: (s: ConsoleSessionView) => void }) {
  return (
    <View className='console-session'>
      <Text className='list-item-title line'>
        {s.computer}
        {s.current ? <Text className='console-current'>（当前电脑）</Text> : null}
      </Text>
      <Text className='list-item-meta line'>{`网络地址 ${s.ip ?? '未知'}`}</Text>
      <Text className='list-item-meta line'>{`${shortTime(s.createdAt)} 登录，${shortTime(s.expiresAt)} 自动退出`}</Text>
      <Button className='btn btn-secondary' disabled={busy} ariaLabel={`退出${s.computer}的登录`} onClick={() => onEnd(s)}>
        退出
      </Button>
    </View>
  )
}

/** 我的 → 电脑端登录: scan a computer's QR to sign it in, and see and end the computers signed in as me. */
export default function ConsoleSessions() {
  const { state, reload } = useRemote(() => call('users', 'consoleSessions', {}), [])
  const { busy, run } = useSubmit()
  useDidShow(reload)

  const end = (s: ConsoleSessionView) =>
    void run(async () => {
      if (!(await confirm('退出电脑登录', `退出后，${s.computer}需要重新扫码才能使用。确定退出吗？`, '退出'))) return
      const res = await call('users', 'endConsoleSession', { sessionId: s.sessionId })
      toast(res.ok ? '已退出' : res.error.message)
      // ended on this very computer (the console, H5): sign the browser out too and show the QR again
      if (res.ok && s.current && process.env.TARO_ENV === 'h5') {
        await signOutOfConsole()
        void Taro.reLaunch({ url: '/packages/console/pages/login/index' })
        return
      }
      reload()
    })

  return (
    <Page className='console-sessions'>
      <View className='card'>
        <Text className='subtitle line'>在电脑上使用管理后台</Text>
        <Text className='muted line'>在办公电脑的浏览器中打开工作人员登录页，再用这里的“扫码登录电脑”扫描屏幕上的二维码。</Text>
        <Button className='btn btn-primary btn-block' onClick={() => void scanConsoleQr()}>
          扫码登录电脑
        </Button>
      </View>
      <View className='card'>
        <Text className='subtitle line'>已登录的电脑</Text>
        {state.status === 'loading' || state.status === 'idle' ? <Loading /> : null}
        {state.status === 'error' ? <ErrorState error={state.error} onRetry={reload} /> : null}
        {state.status === 'ok' && state.data.length === 0 ? <Empty text='没有电脑以您的身份登录' /> : null}
        {state.status === 'ok' ? state.data.map((s) => <Session key={s.sessionId} s={s} busy={busy} onEnd={end} />) : null}
      </View>
    </Page>
  )
}
