import { TICKET_STATE_LABELS, type TicketState } from '../../types'
import type { OutboxEntry } from './repos/outbox'
import { consumeAcceptance } from './repos/subscriptions'
import { shanghai } from './time'
import { wx } from './wx'

/**
 * Which subscription-message template carries each notification kind, and which template field holds what.
 * Configuration, not code: template ids belong to the mini-program's account, so they come from the function's
 * environment, e.g. SUBSCRIBE_TEMPLATES='{"stateChanged":{"id":"AbC…","fields":{"category":"thing1","place":"thing2","state":"phrase3","time":"time4"}}}'.
 */
export interface TemplateConfig {
  id: string
  fields: Partial<Record<'category' | 'place' | 'state' | 'time', string>>
}

export const subscribeTemplates = (): Record<string, TemplateConfig> => {
  try {
    return JSON.parse(process.env.SUBSCRIBE_TEMPLATES || '{}') as Record<string, TemplateConfig>
  } catch {
    return {}
  }
}

/** WeChat's errcode for "the user has not accepted this template": recorded on the outbox entry, nothing sent. */
export const NOT_SUBSCRIBED = 43101

/** WeChat's limits on template values: thing ≤ 20 characters, phrase ≤ 5. */
const fit = (field: string, value: string) => value.slice(0, field.startsWith('phrase') ? 5 : 20)

/** "2026年11月22日 09:00" in Shanghai time, as WeChat's time fields want it. */
const shanghaiTime = (iso: string) => shanghai(iso).format('YYYY年MM月DD日 HH:mm')

/**
 * Sends one outbox entry as a subscription message when a template is configured for its kind.
 * Answers what to record on the entry: null when there is nothing to send (locally, or an unconfigured kind).
 */
export async function deliver(entry: OutboxEntry): Promise<{ sentAt: string | null; errcode: number } | null> {
  const template = subscribeTemplates()[entry.kind]
  if (!template) return null
  // only to a person who accepted this template in WeChat's prompt, one message per acceptance
  if (!(await consumeAcceptance(entry.to, entry.kind))) return { sentAt: null, errcode: NOT_SUBSCRIBED }
  const values = {
    category: entry.payload.category,
    place: entry.payload.place,
    state: TICKET_STATE_LABELS[entry.payload.state as TicketState] ?? entry.payload.state,
    time: shanghaiTime(entry.createdAt),
  }
  const data: Record<string, { value: string }> = {}
  for (const [key, field] of Object.entries(template.fields)) {
    if (field) data[field] = { value: fit(field, values[key as keyof typeof values]) }
  }
  try {
    const errcode = await wx().sendSubscribeMessage({
      touser: entry.to,
      templateId: template.id,
      page: entry.page ?? `pages/ticket/index?id=${entry.ticketId}`,
      data,
    })
    return { sentAt: errcode === 0 ? new Date().toISOString() : null, errcode }
  } catch (e) {
    // a failed send must not undo the transition it reports: record it and move on
    return { sentAt: null, errcode: (e as { errcode?: number }).errcode ?? -1 }
  }
}
