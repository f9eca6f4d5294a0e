import { z } from 'zod'

/**
 * Roles are held per community. `street_staff` is held per street and reaches every community of that street.
 */
export const ROLES = [
  'resident',
  'grid_member',
  'grid_leader',
  'community_staff',
  'branch_secretary',
  'street_staff',
] as const
export type Role = (typeof ROLES)[number]

export const ROLE_LABELS: Record<Role, string> = {
  resident: '居民',
  grid_member: '网格员',
  grid_leader: '网格长',
  community_staff: '社区工作者',
  branch_secretary: '党组织书记',
  street_staff: '街道工作人员',
}

/** Community roles that staff can hand out through an invite code. */
export const COMMUNITY_ROLES = ['grid_member', 'grid_leader', 'community_staff', 'branch_secretary'] as const
export type CommunityRole = (typeof COMMUNITY_ROLES)[number]

/** Who may call an action.
 * - `anyone`: any caller the platform identifies (an OPENID), even one without a user record yet;
 * - a list of roles: the caller must hold one of them in the target community (the input's `communityId`, or the
 *   community of the record the handler loads, checked by the handler through `ctx.authorize`).
 */
export type Access = 'anyone' | readonly Role[]

export interface ActionDef<I extends z.ZodType = z.ZodType, O = unknown> {
  input: I
  /** phantom: carries the output type to the client; never read at run time */
  output: O
  access: Access
  summary: string
}

/** Declares the output type without a run-time schema: `output: returns<UserView>()`. */
export const returns = <T>(): T => undefined as unknown as T

export const action = <I extends z.ZodType, O>(def: ActionDef<I, O>): ActionDef<I, O> => def

export interface FunctionContract<N extends string = string, A extends Record<string, ActionDef> = Record<string, ActionDef>> {
  name: N
  actions: A
}

export const defineFunction = <N extends string, A extends Record<string, ActionDef>>(
  name: N,
  actions: A,
): FunctionContract<N, A> => ({ name, actions })

export type InputOf<D> = D extends ActionDef<infer I, unknown> ? z.input<I> : never
export type ParsedInputOf<D> = D extends ActionDef<infer I, unknown> ? z.output<I> : never
export type OutputOf<D> = D extends ActionDef<z.ZodType, infer O> ? O : never

/** The wire request every function receives: `{ action, data }`. */
export interface CallEvent {
  action: string
  data?: unknown
}

// Reusable field schemas -------------------------------------------------------------------------------------

/** Record ids: generated ids or readable seed ids; never free text. */
export const id = () => z.string().trim().min(1, '缺少编号').max(64, '编号过长').regex(/^[A-Za-z0-9_:.-]+$/, '编号格式不正确')
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
