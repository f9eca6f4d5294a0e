import { useState } from 'react'
import { View, Text, Button, Input } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { MeView } from '../../../types'
import { call } from '../../api'
import { useSubmit } from '../../hooks/useRemote'
import { toast } from '../../components/ConfirmModal'

export function Profile({ me, onSaved }: { me: MeView; onSaved: (me: MeView) => void }) {
  const [editing, setEditing] = useState(!me.registered)
  const [name, setName] = useState(me.name)
  const [phone, setPhone] = useState('')
  const [error, setError] = useState<string | null>(null)
  const { busy, run } = useSubmit()

  const save = () =>
    run(async () => {
      setError(null)
      // The phone comes back masked: send it only when the person typed a new one.
      const res = await call('users', 'updateProfile', phone.trim() ? { name, phone: phone.trim() } : { name })
      if (!res.ok) {
        setError(res.error.issues?.[0]?.message ?? res.error.message)
        return
      }
      setEditing(false)
      setPhone('')
      toast('已保存')
      onSaved(res.data)
    })

  if (!editing) {
    return (
      <View className='card profile'>
        <Text className='title'>{me.name || '未填写姓名'}</Text>
        <Text className='muted'>{me.phone ? `手机：${me.phone}` : '未填写手机号'}</Text>
        <Button className='btn btn-secondary btn-block' onClick={() => setEditing(true)}>
          修改资料
        </Button>
      </View>
    )
  }
  return (
    <View className='card profile'>
      <Text className='subtitle'>{me.registered ? '修改资料' : '请先填写您的称呼'}</Text>
      <View className='field'>
        <Text className='field-label'>姓名</Text>
        <Input className='input' value={name} maxlength={20} placeholder='例如：王秀英' ariaLabel='姓名' onInput={(e) => setName(e.detail.value)} />
      </View>
      <View className='field'>
        <Text className='field-label'>{me.phone ? `手机号（现为 ${me.phone}，不改可留空）` : '手机号（选填）'}</Text>
        <Input
          className='input'
          type='number'
          value={phone}
          maxlength={11}
          placeholder='11位手机号'
          ariaLabel='手机号'
          onInput={(e) => setPhone(e.detail.value)}
        />
      </View>
      {error ? <Text className='error-message'>{error}</Text> : null}
      <Text className='muted line'>姓名用于网格员联系和社区核对住户；手机号只给办理您报事的人员看。</Text>
      <Button className='btn btn-plain btn-block' onClick={() => void Taro.navigateTo({ url: '/pages/privacy/index' })}>
        查看《隐私保护指引》
      </Button>
      <Button className='btn btn-primary btn-block' disabled={busy || !name.trim()} loading={busy} onClick={() => void save()}>
        保存
      </Button>
      {me.registered ? (
        <Button className='btn btn-plain btn-block' onClick={() => setEditing(false)}>
          取消
        </Button>
      ) : null}
    </View>
  )
}
