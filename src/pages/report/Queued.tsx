import { useEffect, useState } from 'react'
import { View, Text, Button } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { ErrorBody } from '../../../types'
import type { SubmittedTicketView } from '../../../types/tickets'
import { reportOutbox } from '../../lib/reportOutbox'
import { goHome } from '../../components/States'

/**
 * After a send without network: the report waits on the phone and goes by itself when the network is back (or the
 * resident taps 现在重试). While the page stays open it turns into the confirmation as soon as the report is filed.
 */
export function Queued({ requestId, onSent }: { requestId: string; onSent: (ticket: SubmittedTicketView) => void }) {
  const [error, setError] = useState<ErrorBody | null>(null)
  const [trying, setTrying] = useState(false)

  useEffect(
    () =>
      reportOutbox.subscribe((e) => {
        if (e.requestId !== requestId) return
        if (e.outcome.kind === 'sent') onSent(e.outcome.ticket)
        else if (e.outcome.kind === 'failed') setError(e.outcome.error)
      }),
    [requestId, onSent],
  )

  const retry = async () => {
    setTrying(true)
    setError(null)
    await reportOutbox.retry(requestId)
    setTrying(false)
  }

  return (
    <View className='card queued' ariaRole='alert'>
      <Text className='success-title'>已保存，有网络后自动提交</Text>
      <Text className='ticket-excerpt'>现在网络不好。您报的事已经存在手机上，有网络时会自动提交，不用再点“提交”，也不会重复提交。</Text>
      <Text className='ticket-excerpt'>在“我的报事”里可以看到它（等待网络，将自动提交），提交前也可以取消。</Text>
      {error ? <Text className='error-text'>{`没有提交成功：${error.message}`}</Text> : null}
      <Button className='btn btn-primary btn-block' disabled={trying} loading={trying} onClick={() => void retry()}>
        现在重试
      </Button>
      <Button className='btn btn-secondary btn-block' onClick={() => void Taro.switchTab({ url: '/pages/tickets/index' })}>
        查看我的报事
      </Button>
      <Button className='btn btn-plain btn-block' onClick={goHome}>
        回到首页
      </Button>
    </View>
  )
}
