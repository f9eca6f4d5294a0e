import type { Contracts, ErrorBody, FunctionName } from '../../../types'
import type { CallInput, CallOutput, ActionName } from '../../../src/api'
import { setTransport } from '../../../src/api'

type Answer<F extends FunctionName, A extends ActionName<F>> = { ok: true; data: CallOutput<F, A> } | { ok: false; error: ErrorBody }
type Handler<F extends FunctionName, A extends ActionName<F>> = (input: CallInput<F, A>) => Answer<F, A>

export interface Recorded {
  fn: string
  action: string
  data: unknown
}

/**
 * The network as a table of typed answers. Unanswered calls fail the way an unknown action does, so a page that
 * calls something the test did not expect shows it instead of hanging.
 */
export function fakeBackend() {
  const handlers = new Map<string, (input: unknown) => unknown>()
  const calls: Recorded[] = []
  let devIdentities: { status: number; body: unknown } = { status: 404, body: null }

  const restore = setTransport({
    async callFunction(fn, action, data) {
      calls.push({ fn, action, data })
      const h = handlers.get(`${fn}.${action}`)
      if (!h) return { ok: false, error: { code: 'FN.UNKNOWN_ACTION', message: `测试没有准备 ${fn}.${action}` } }
      return h(data)
    },
    async getJson(path) {
      calls.push({ fn: 'GET', action: path, data: null })
      return devIdentities
    },
  })

  const api = {
    calls,
    restore,
    on<F extends FunctionName, A extends ActionName<F> & keyof Contracts[F]['actions']>(fn: F, action: A, handler: Handler<F, A>) {
      handlers.set(`${fn}.${action}`, handler as (input: unknown) => unknown)
      return api
    },
    ok<F extends FunctionName, A extends ActionName<F>>(fn: F, action: A, data: CallOutput<F, A>) {
      return api.on(fn, action, () => ({ ok: true, data }))
    },
    fail<F extends FunctionName, A extends ActionName<F>>(fn: F, action: A, error: ErrorBody) {
      return api.on(fn, action, () => ({ ok: false, error }))
    },
    devIdentities(status: number, body: unknown) {
      devIdentities = { status, body }
      return api
    },
    callsOf(fn: string, action: string) {
      return calls.filter((c) => c.fn === fn && c.action === action)
    },
  }
  return api
}
