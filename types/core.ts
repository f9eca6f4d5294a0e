import { z } from 'zod'

export { ROLES, ROLE_LABELS, COMMUNITY_ROLES, type Role, type CommunityRole } from './roles'
import type { Role } from './roles'
import type { ErrorCode } from './errors'

/** Who may call an action.
 * - `public`: anybody at all, even a browser the platform cannot identify (no OPENID): a stranger checking a printed
 *   certificate. Such an action shows only what its paper already says, and limits its tries by `ctx.caller`;
 * - `anyone`: any caller the platform identifies (an OPENID), even one without a user record yet;
 * - a list of roles: the caller must hold one of them in the target community (the input's `communityId`, or the
 *   community of the record the handler loads, checked by the handler through `ctx.authorize`).
 */
export type Access = 'public' | 'anyone' | readonly Role[]

export interface ActionDef<I extends z.ZodType = z.ZodType, O = unknown, E extends readonly ErrorCode[] = readonly ErrorCode[]> {
  input: I
  /** phantom: carries the output type to the client; never read at run time */
  output: O
  access: Access
  summary: string
  /**
   * The error codes of this action that pages react to (reload, a verdict of their own), declared as ts-rest declares
   * responses. The client can test only these (`isError`, `useAction`'s `reloadOn`): a code the action does not
   * declare is a compile error. Every other failure still comes back and is shown as it is.
   */
  errors?: E
}

/** Declares the output type without a run-time schema: `output: returns<UserView>()`. */
export const returns = <T>(): T => undefined as unknown as T

// NoInfer: inside defineFunction the contextual ActionDef would otherwise widen an action without `errors` to every code
export const action = <I extends z.ZodType, O, const E extends readonly ErrorCode[] = readonly []>(def: ActionDef<I, O, E>): ActionDef<I, O, NoInfer<E>> => def

export interface FunctionContract<N extends string = string, A extends Record<string, ActionDef> = Record<string, ActionDef>> {
  name: N
  actions: A
}

export const defineFunction = <N extends string, A extends Record<string, ActionDef>>(name: N, actions: A): FunctionContract<N, A> => ({ name, actions })

export type InputOf<D> = D extends ActionDef<infer I, unknown> ? z.input<I> : never
export type ParsedInputOf<D> = D extends ActionDef<infer I, unknown> ? z.output<I> : never
export type OutputOf<D> = D extends ActionDef<z.ZodType, infer O> ? O : never
/** The codes an action declares in `errors` (never when it declares none). */
export type ErrorsOf<D> = D extends { errors?: readonly (infer C)[] } ? C : never

/** The wire request every function receives: `{ action, data }`. */
export interface CallEvent {
  action: string
  data?: unknown
}

// Reusable field schemas -------------------------------------------------------------------------------------

/** Record ids: generated ids or readable seed ids; never free text. */
export const id = () =>
  z
    .string()
    .trim()
    .min(1, '缺少编号')
    .max(64, '编号过长')
    .regex(/^[A-Za-z0-9_:.-]+$/, '编号格式不正确')
export const communityId = () => id()
export const name = (max = 40) => z.string().trim().min(1, '请填写名称').max(max, `不能超过${max}个字`)
export const page = () =>
  z.object({
    /** 1-based page number */
    page: z.number().int().min(1).max(10000).default(1),
    pageSize: z.number().int().min(1).max(100).default(20),
  })

export interface Paged<T> {
  items: T[]
  page: number
  pageSize: number
  total: number
}

/**
 * A page of a list whose exact total would cost a read of every match on each call (a resident's notices and matters,
 * which reach her through any of several keys): instead of a total, whether another page follows, learned by reading
 * one item more than the page. The page itself is an index walk, so it costs the same at any number of items.
 */
export interface Slice<T> {
  items: T[]
  page: number
  pageSize: number
  more: boolean
}

/** A list's page either way: counted (`Paged`) or not (`Slice`). */
export type Listing<T> = Paged<T> | Slice<T>
