import { useState } from 'react'
import { View, Text, Button, Input } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { toast } from '../../../components/ConfirmModal'
import { codeFromScan } from './format'
import { toldPrivacyRefused } from '../../../api/privacy'
import { PrivacyPrompt } from '../../../components/PrivacyPrompt'

const isWeapp = process.env.TARO_ENV === 'weapp'

/**
 * 签到 / 签退 with the organiser's code: on the phone scan the code on the organiser's screen, or type its six digits
 * (the web version can only type).
 */
export function CodeEntry({ verb, busy, onSubmit }: { verb: '签到' | '签退'; busy: boolean; onSubmit: (code: string) => void }) {
  const [code, setCode] = useState('')
  const scan = async () => {
    try {
      const res = await Taro.scanCode({ scanType: ['qrCode'] })
      const found = codeFromScan(res.result)
      if (found) onSubmit(found)
      else toast('没有识别到签到码，请输入组织者手机上的6位数字')
    } catch (e) {
      // cancelled by the person, unless the privacy guide was declined
      toldPrivacyRefused(e, '扫码，请输入6位数字签到码')
    }
  }
  const submit = () => {
    const digits = code.replace(/\D/g, '')
    if (digits.length !== 6) return toast('请输入6位数字签到码')
    onSubmit(digits)
  }
  return (
    <View className='card form'>
      <PrivacyPrompt />
      <Text className='subtitle line'>{`现场${verb}`}</Text>
      {isWeapp ? (
        <Button className='btn btn-primary btn-big btn-block' disabled={busy} onClick={() => void scan()}>
          {`扫码${verb}`}
        </Button>
      ) : null}
      <Text className='field-label'>{isWeapp ? '扫不了码？输入组织者手机上的6位数字' : '输入组织者手机上的6位签到码'}</Text>
      <Input
        className='input vol-code-input'
        type='number'
        maxlength={6}
        value={code}
        ariaLabel='签到码'
        placeholder='6位数字'
        onInput={(e) => setCode(e.detail.value)}
      />
      <Button className={`btn ${isWeapp ? 'btn-secondary' : 'btn-primary'} btn-big btn-block`} disabled={busy} onClick={submit}>
        {verb}
      </Button>
    </View>
  )
}
