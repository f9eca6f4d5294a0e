import { View, Text, Button } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { ErrorBody } from '../../types'

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

export function ErrorState({ error, onRetry, showHome }: { error: ErrorBody; onRetry?: () => void; showHome?: boolean }) {
  return (
    <View className='state state-error' ariaRole='alert'>
      <Text className='state-text error-message'>{error.message}</Text>
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
