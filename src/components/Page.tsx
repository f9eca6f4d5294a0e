import type { ReactNode } from 'react'
import { View } from '@tarojs/components'
import { useLargeType } from '../lib/largeType'

/**
 * A page's root. On weapp there is no shared document to mark for large type, so each page's root carries
 * `large-type`, and styles/tokens.css scales everything under it.
 */
export function Page({ className, children }: { className?: string; children?: ReactNode }) {
  const large = useLargeType()
  return <View className={`page${className ? ` ${className}` : ''}${large ? ' large-type' : ''}`}>{children}</View>
}
