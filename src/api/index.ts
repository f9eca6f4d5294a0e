import type { Contracts, Envelope, ErrorBody, ErrorsOf, FunctionName, InputOf, OutputOf } from '../../types'
import { getTransport } from './transport'

export type { Transport } from './transport'
export { setTransport, getTransport } from './transport'
export { newRequestId } from './requestId'
export { getDevIdentity, setDevIdentity, clearDevIdentity, type DevIdentity } from './devIdentity'

export type ActionName<F extends FunctionName> = keyof Contracts[F]['actions'] & string
type Def<F extends FunctionName, A extends ActionName<F>> = Contracts[F]['actions'][A]
/** What the caller passes: zod's input type, so fields with defaults are optional. */
export type CallInput<F extends FunctionName, A extends ActionName<F>> = InputOf<Def<F, A>>
export type CallOutput<F extends FunctionName, A extends ActionName<F>> = OutputOf<Def<F, A>>
/** The error codes the action declares (its contract's `errors`): the only ones a page may test. */
export type CallErrorCode<F extends FunctionName, A extends ActionName<F>> = Extract<ErrorsOf<Def<F, A>>, string>
/** A failure as the client sees it: the error body, carrying the declared codes `C` as a type only. */
export interface CallError<C extends string = string> extends ErrorBody {
  /** phantom: the codes `isError` accepts; never set at run time */
  readonly declared?: C
}
type Failure<C extends string> = { ok: false; error: CallError<C> }
export type CallResult<F extends FunctionName, A extends ActionName<F>> = Envelope<CallOutput<F, A>, CallError<CallErrorCode<F, A>>>

/**
 * Whether a call (its answer, or the error it answered) failed with one of `codes`. Only codes the action declares in
 * its contract compile; an envelope or error of no particular action takes any code.
 */
export const isError = <C extends string>(res: { ok: true; data: unknown } | Failure<C> | CallError<C>, ...codes: NoInfer<C>[]): boolean => {
  const e = 'ok' in res ? (res.ok ? null : res.error) : res
  return !!e && (codes as string[]).includes(e.code)
}

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
export async function call<F extends FunctionName, A extends ActionName<F>>(fn: F, action: A, input: CallInput<F, A>): Promise<CallResult<F, A>> {
  let answer: unknown
  try {
    answer = await getTransport().callFunction(fn, action, input)
  } catch {
    return { ok: false, error: NETWORK_ERROR }
  }
  if (!isEnvelope(answer)) return { ok: false, error: BAD_ANSWER }
  return answer as CallResult<F, A>
}
