import type { LocalFunction } from '../../local/functions'
import { startTimers } from '../../local/timers'

const fn = (timers: LocalFunction['timers'], calls: { event: unknown; context: unknown }[]): Map<string, LocalFunction> =>
  new Map([['sweeper', { name: 'sweeper', timers, main: async (event, context) => (calls.push({ event, context }), { ok: true }) }]])

describe('timer triggers in the local gateway', () => {
  it('when a function declares an every-second timer, then it is called on schedule as a timer, with no user in the context', async () => {
    const calls: { event: unknown; context: unknown }[] = []
    const stop = startTimers(fn([{ name: 'tick', config: '* * * * * * *' }], calls), () => {})
    await new Promise((r) => setTimeout(r, 2300))
    stop()
    expect(calls.length).toBeGreaterThanOrEqual(2)
    expect(calls[0].event).toMatchObject({ Type: 'Timer', TriggerName: 'tick' })
    expect(JSON.parse((calls[0].context as { environment: string }).environment).WX_OPENID).toBeUndefined()
    const seen = calls.length
    await new Promise((r) => setTimeout(r, 1200))
    expect(calls.length).toBe(seen)
  })

  it('when a timer names a year, then starting refuses it rather than running at the wrong time', () => {
    expect(() => startTimers(fn([{ name: 'once', config: '0 0 3 1 1 * 2027' }], []), () => {})).toThrow(/year/)
  })
})
