import type { Contracts, Envelope, ErrorBody, FunctionName, InputOf, OutputOf } from '../../types'
import { getTransport } from './transport'

export type { Transport } from './transport'
export { setTransport, getTransport } from './transport'
export { getDevIdentity, setDevIdentity, clearDevIdentity, type DevIdentity } from './devIdentity'

export type ActionName<F extends FunctionName> = keyof Contracts[F]['actions'] & string
type Def<F extends FunctionName, A extends ActionName<F>> = Contracts[F]['actions'][A]
/** What the caller passes: zod's input type, so fields with defaults are optional. */
export type CallInput<F extends FunctionName, A extends ActionName<F>> = InputOf<Def<F, A>>
export type CallOutput<F extends FunctionName, A extends ActionName<F>> = OutputOf<Def<F, A>>
export type CallResult<F extends FunctionName, A extends ActionName<F>> = Envelope<CallOutput<F, A>>

export const NETWORK_ERROR: ErrorBody = { code: 'NETWORK', message: '网络不太好，请稍后重试' }
const BAD_ANSWER: ErrorBody = { code: 'INTERNAL', message: '服务暂时出了点问题，请稍后再试' }

const isEnvelope = (v: unknown): v is Envelope<unknown> => {
  if (typeof v !== 'object' || v === null) return false
  const e = v as { ok?: unknown; error?: { code?: unknown; message?: unknown } }
  if (e.ok === true) return 'data' in e
  return e.ok === false && typeof e.error?.code === 'string' && typeof e.error?.message === 'string'
}

/**
 * Calls one action of one cloud function. Never throws: business errors come back as `{ ok: false, error }`,
 * a request that got no answer as the `NETWORK` error.
 */
export async function call<F extends FunctionName, A extends ActionName<F>>(
  fn: F,
  action: A,
  input: CallInput<F, A>,
): Promise<CallResult<F, A>> {
  let answer: unknown
  try {
    answer = await getTransport().callFunction(fn, action, input)
  } catch {
    return { ok: false, error: NETWORK_ERROR }
  }
  if (!isEnvelope(answer)) return { ok: false, error: BAD_ANSWER }
  return answer as CallResult<F, A>
}
