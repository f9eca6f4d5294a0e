import { useEffect, useState } from 'react'
import { View, Text, Button } from '@tarojs/components'
import Taro from '@tarojs/taro'

type Resolve = (r: { event: 'agree' | 'disagree' | 'exposureAuthorization'; buttonId?: string }) => void

/** The one pending request WeChat made, and the prompts mounted on pages (the newest one shows it). */
let pending: Resolve | null = null
const prompts: ((on: boolean) => void)[] = []
const showNewest = (on: boolean) => prompts.forEach((show, i) => show(on && i === prompts.length - 1))

const onNeed = (resolve: unknown) => {
  pending = resolve as Resolve
  pending({ event: 'exposureAuthorization' })
  showNewest(true)
}

/**
 * WeChat asks once, before the first photo, file or scan, whether the person agrees to the privacy guide
 * (`__usePrivacyCheck__` in app.config). It hands over a `resolve`; a page shows this prompt with an agree button of
 * open-type agreePrivacyAuthorization (the only way WeChat accepts an "agree"). Refusing makes the photo or scan fail
 * with a clear message, and everything else keeps working. The listener is one function, registered again by every
 * prompt that mounts (WeChat keeps the last registration, and it is always this same function).
 */
function listen(): void {
  if (process.env.TARO_ENV !== 'weapp' || typeof Taro.onNeedPrivacyAuthorization !== 'function') return
  try {
    const r = Taro.onNeedPrivacyAuthorization(onNeed) as unknown
    // a base library without privacy checks answers "not supported": photos and scans then simply work
    if (r && typeof (r as Promise<unknown>).catch === 'function') (r as Promise<unknown>).catch(() => undefined)
  } catch {
    // the same, where the refusal is thrown
  }
}

const answer = (event: 'agree' | 'disagree') => {
  pending?.(event === 'agree' ? { event, buttonId: 'privacy-agree' } : { event })
  pending = null
  showNewest(false)
}

export function PrivacyPrompt() {
  const [open, setOpen] = useState(false)
  useEffect(() => {
    listen()
    prompts.push(setOpen)
    if (pending) showNewest(true)
    return () => void prompts.splice(prompts.indexOf(setOpen), 1)
  }, [])
  if (!open) return null
  return (
    <View className='privacy-prompt' ariaRole='dialog' ariaLabel='隐私保护指引'>
      <View className='card'>
        <Text className='subtitle'>使用照片、文件和扫码前，请阅读隐私保护指引</Text>
        <Text className='line'>我们只在您选择时使用相册、相机、聊天文件和扫码，用于报事、办结和导入名册，不读取您的位置和通讯录。</Text>
        <Button className='btn btn-plain btn-block' onClick={() => void Taro.navigateTo({ url: '/pages/privacy/index' })}>
          查看《隐私保护指引》
        </Button>
        <Button
          id='privacy-agree'
          className='btn btn-primary btn-block'
          openType='agreePrivacyAuthorization'
          onAgreePrivacyAuthorization={() => answer('agree')}
        >
          同意并继续
        </Button>
        <Button className='btn btn-secondary btn-block' onClick={() => answer('disagree')}>
          不同意
        </Button>
      </View>
    </View>
  )
}
