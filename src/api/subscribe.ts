import Taro from '@tarojs/taro'
import type { SubscriptionTemplate } from '../../types'
import { call } from './index'

/**
 * Subscription messages (订阅消息). WeChat shows its prompt only from a tap, so the template ids are fetched ahead
 * (`prefetchSubscriptions` when a page opens) and `askToSubscribe` calls `requestSubscribeMessage` synchronously in
 * the tap handler, then tells the server which kinds the person accepted (each acceptance allows one message).
 * In the H5 build there is no prompt: notifications stay in the outbox.
 */
let templates: SubscriptionTemplate[] | null = null
let loading: Promise<void> | null = null

export function prefetchSubscriptions(): Promise<void> {
  if (process.env.TARO_ENV !== 'weapp' || templates) return Promise.resolve()
  loading ??= call('users', 'subscriptionTemplates', {}).then((res) => {
    templates = res.ok ? res.data : null
    loading = null
  })
  return loading
}

/** WeChat takes at most 3 templates per prompt. */
const MAX_PER_PROMPT = 3

export function askToSubscribe(kinds: string[]): Promise<string[]> {
  if (process.env.TARO_ENV !== 'weapp' || !templates) return Promise.resolve([])
  const wanted = templates.filter((t) => kinds.includes(t.kind)).slice(0, MAX_PER_PROMPT)
  if (!wanted.length) return Promise.resolve([])
  return Taro.requestSubscribeMessage({ tmplIds: wanted.map((t) => t.templateId) } as Taro.requestSubscribeMessage.Option)
    .then(async (res) => {
      const answers = res as unknown as Record<string, string>
      const accepted = wanted.filter((t) => answers[t.templateId] === 'accept').map((t) => t.kind)
      if (accepted.length) await call('users', 'recordSubscriptions', { accepted })
      return accepted
    })
    .catch(() => [] as string[]) // declined, or the prompt is switched off in settings: nothing to record
}

/** For tests: forget the fetched templates. */
export const resetSubscriptions = () => {
  templates = null
  loading = null
}
