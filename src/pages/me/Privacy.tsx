import { useState } from 'react'
import { View, Text, Button, Input } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { MyDataResult } from '../../../types'
import { call } from '../../api'
import { useSubmit } from '../../hooks/useRemote'
import { confirm, toast } from '../../components/ConfirmModal'

/** The file's link: a new tab in a browser; on the phone it is copied, to open in a browser or send to oneself. */
async function handOver(url: string) {
  if (process.env.TARO_ENV === 'h5') {
    window.open(url, '_blank')
    return
  }
  await Taro.setClipboardData({ data: url })
  toast('下载链接已复制（15分钟内有效），请在浏览器中打开')
}

/** 隐私保护指引, downloading one's data and deleting one's account (个人信息保护法), from 我的. */
export function PrivacyCard({ onDeleted }: { onDeleted: () => void }) {
  const { busy, run } = useSubmit()
  const [data, setData] = useState<MyDataResult | null>(null)
  const [deleting, setDeleting] = useState(false)
  const [typed, setTyped] = useState('')

  const download = () =>
    run(async () => {
      const res = await call('users', 'myData', {})
      if (!res.ok) return toast(res.error.message)
      setData(res.data)
      await handOver(res.data.url)
    })
  const erase = () =>
    run(async () => {
      if (
        !(await confirm(
          '注销账号',
          '注销后，您的资料和住户绑定立即删除，不能恢复；您提过的报事作为社区档案保留但不再显示您的名字；您投过的票仍计入结果。确定注销吗？',
          '确定注销',
        ))
      )
        return
      const res = await call('users', 'deleteAccount', { confirm: '注销' })
      if (!res.ok) return toast(res.error.message)
      toast('账号已注销')
      setDeleting(false)
      onDeleted()
    })

  return (
    <View className='card privacy-card'>
      <Text className='subtitle'>我的个人信息</Text>
      <Button className='btn btn-plain btn-block' onClick={() => void Taro.navigateTo({ url: '/pages/privacy/index' })}>
        隐私保护指引
      </Button>
      <Button className='btn btn-secondary btn-block' disabled={busy} loading={busy && !deleting} onClick={() => void download()}>
        下载我的个人信息
      </Button>
      {data ? (
        <Text className='muted line'>
          {`已生成：住户 ${data.counts.households} 户，报事 ${data.counts.tickets} 件，参加表决 ${data.counts.voteReceipts} 次（不含投票内容），志愿服务 ${data.counts.volunteerSignups} 次。`}
        </Text>
      ) : null}
      {!deleting ? (
        <Button className='btn btn-plain btn-block' onClick={() => setDeleting(true)}>
          注销账号
        </Button>
      ) : (
        <View className='form'>
          <Text className='line'>注销后资料和绑定将被删除，不能恢复。如确定，请在下面输入“注销”两个字。</Text>
          <Input className='input' value={typed} maxlength={4} ariaLabel='输入“注销”两个字确认' placeholder='注销' onInput={(e) => setTyped(e.detail.value)} />
          <Button className='btn btn-primary btn-block' disabled={busy || typed.trim() !== '注销'} onClick={() => void erase()}>
            确认注销账号
          </Button>
          <Button className='btn btn-plain btn-block' onClick={() => (setDeleting(false), setTyped(''))}>
            取消
          </Button>
        </View>
      )}
    </View>
  )
}
