import type { z } from 'zod'
import {
  AppError,
  ERROR_MESSAGES,
  isAppError,
  type ActionDef,
  type Community,
  type Envelope,
  type FunctionContract,
  type InputIssue,
  type OutputOf,
  type ParsedInputOf,
  type Role,
  type UserDoc,
} from '../../types'
import { holdsRole, holdsRoleAnywhere, rolesIn } from './auth'
import { environmentId, platformContext } from './cloud'
import { now } from './clock'
import { mayUseConsole, sessionStands } from './domain/console'
import { findConsoleSession } from './repos/console'
import { newId } from './ids'
import { fileIDsIn, ownedBy } from './uploads'
import { findCommunity } from './repos/places'
import { findUser } from './repos/users'

/** What every handler receives besides its parsed input. */
export interface Ctx {
  /** the caller's OPENID as the platform attached it; never taken from the input ('' on a `public` action called without one) */
  openid: string
  /**
   * Who is asking, for limiting tries at `public` actions: the OPENID, else the web client's anonymous id (TCB_UUID),
   * else its address. Never an identity: nothing is shown or allowed by it.
   */
  caller: string
  requestId: string
  /**
   * The caller's address and browser as the platform reports them (CloudBase's TCB_SOURCE_IP / WX_CLIENTIP and the
   * HTTP context's user agent; locally the gateway's): shown to a person, never an identity.
   */
  client: { ip: string | null; userAgent: string | null }
  /** the console session the call comes from (a computer signed in by scanning), else null */
  consoleSessionId: string | null
  now: Date
  /** null until the caller first registers */
  user: UserDoc | null
  /** the action's declared access, for handlers that authorize against a loaded record */
  access: ActionDef['access']
  /**
   * Asserts the caller holds one of `roles` (default: the action's declared roles) in the community and returns
   * the community. Handlers whose input names no `communityId` must call it with the community of the record
   * they loaded; `serve` refuses to answer when a role-restricted action never authorized.
   */
  authorize(communityId: string, roles?: readonly Role[]): Promise<Community>
  /** Asserts the caller is street staff of the street (street-level actions such as creating a community). */
  authorizeStreet(streetId: string): void
  /** roles the caller holds in a community (street staff included) */
  rolesIn(community: Pick<Community, '_id' | 'streetId'>): Role[]
  community(communityId: string): Promise<Community>
}

export type Handler<D> = (input: ParsedInputOf<D>, ctx: Ctx) => Promise<OutputOf<D>>
export type Handlers<C extends FunctionContract> = { [K in keyof C['actions']]: Handler<C['actions'][K]> }

const fail = (code: AppError['code'], message?: string, issues?: InputIssue[], requestId?: string): Envelope<never> => ({
  ok: false,
  error: { code, message: message ?? ERROR_MESSAGES[code], ...(issues ? { issues } : {}), ...(requestId ? { requestId } : {}) },
})

const toIssues = (error: z.ZodError): InputIssue[] => error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }))

/** Context fields as the platform gives them (CloudBase: `context.environment`, a JSON string). */
interface PlatformIdentity {
  openid: string | null
  /** CloudBase custom login's user id: a console session's id, mapped to its person below */
  customUserId: string | null
  caller: string
  requestId: string
  client: Ctx['client']
}

/** The user agent in CloudBase's HTTP context (a JSON string with the request's headers), when the platform gives one. */
const userAgentOf = (httpContext: unknown): string | null => {
  try {
    const headers = (typeof httpContext === 'string' ? JSON.parse(httpContext) : httpContext)?.headers as Record<string, unknown> | undefined
    const ua = headers?.['user-agent'] ?? headers?.['User-Agent']
    return typeof ua === 'string' && ua ? ua.slice(0, 400) : null
  } catch {
    return null
  }
}

const platformIdentity = (context: unknown): PlatformIdentity => {
  const raw = (context ?? {}) as { request_id?: string }
  let openid: string | null = null
  let customUserId: string | null = null
  let caller = 'anonymous'
  const client: Ctx['client'] = { ip: null, userAgent: null }
  try {
    const env = platformContext(context)
    const text = (key: string) => (typeof env[key] === 'string' && env[key] ? (env[key] as string) : null)
    openid = text('WX_OPENID')
    const web = text('TCB_UUID')
    const address = text('WX_CLIENTIP') ?? text('TCB_SOURCE_IP') ?? text('WX_CLIENTIPV6')
    customUserId = openid ? null : text('TCB_CUSTOM_USER_ID')
    caller = openid ?? (customUserId ? `console:${customUserId}` : web ? `web:${web}` : address ? `ip:${address}` : 'anonymous')
    client.ip = address
    client.userAgent = userAgentOf(env.TCB_HTTP_CONTEXT)
  } catch {
    openid = null
    customUserId = null
  }
  return { openid, customUserId, caller, requestId: raw.request_id || newId(), client }
}

/**
 * A console's calls carry CloudBase's custom-login user id, which is the id of the console session an approval
 * opened: the session names the person. It counts only while it stands (not ended from the phone, not past its working
 * day, this environment's) and while the person may still use the console; otherwise the console must sign in again.
 */
async function consoleOpenid(sessionId: string, at: Date): Promise<string | null> {
  const session = await findConsoleSession(sessionId)
  if (!sessionStands(session, environmentId(), at)) return null
  return mayUseConsole(await findUser(session.openid)) ? session.openid : null
}

/**
 * The entry of every cloud function: `export const main = serve(contract, handlers)`.
 * Parse the input, identify the caller from the platform, check the role in the target community, run the
 * handler, and answer in one envelope. Nothing the caller sends can choose who they are.
 */
export function serve<C extends FunctionContract>(contract: C, handlers: Handlers<C>) {
  return async function main(event: unknown, context: unknown): Promise<Envelope<unknown>> {
    const platform = platformIdentity(context)
    const { caller, requestId, client, customUserId } = platform
    let openid = platform.openid
    const call = (event ?? {}) as { action?: unknown; data?: unknown }
    const actionName = typeof call.action === 'string' ? call.action : ''
    if (!Object.prototype.hasOwnProperty.call(contract.actions, actionName)) return fail('FN.UNKNOWN_ACTION')
    const def = contract.actions[actionName]
    const handler = (handlers as Record<string, Handler<ActionDef>>)[actionName]

    if (customUserId) {
      try {
        openid = await consoleOpenid(customUserId, now())
      } catch (e) {
        console.error(`[${requestId}] console session lookup failed:`, e)
        return fail('INTERNAL', undefined, undefined, requestId)
      }
      // an ended console is told so, and goes back to its QR; its public actions (asking for a new QR) it calls as nobody
      if (!openid && def.access !== 'public') return fail('AUTH.CONSOLE_SESSION_ENDED')
    }
    if (!openid && def.access !== 'public') return fail('AUTH.NOT_SIGNED_IN')

    const parsed = def.input.safeParse(call.data ?? {})
    if (!parsed.success) return fail('INPUT.INVALID', undefined, toIssues(parsed.error))
    const input = parsed.data as Record<string, unknown>

    try {
      const user = openid ? await findUser(openid) : null
      const communities = new Map<string, Community>()
      let authorized = !Array.isArray(def.access)

      const ctx: Ctx = {
        openid: openid ?? '',
        caller,
        requestId,
        client,
        consoleSessionId: openid && customUserId ? customUserId : null,
        now: now(),
        user,
        access: def.access,
        async community(id) {
          let c = communities.get(id)
          if (!c) {
            const found = await findCommunity(id)
            if (!found) throw new AppError('NOT_FOUND', '没有找到该社区')
            c = found
            communities.set(id, c)
          }
          return c
        },
        async authorize(communityId, roles) {
          const allowed = roles ?? (Array.isArray(def.access) ? def.access : [])
          if (!user) throw new AppError('AUTH.FORBIDDEN')
          const community = await ctx.community(communityId).catch((e) => {
            // an unknown community and a community of someone else look the same to the caller
            if (isAppError(e) && e.code === 'NOT_FOUND') throw new AppError('AUTH.FORBIDDEN')
            throw e
          })
          if (!holdsRole(user, community, allowed)) throw new AppError('AUTH.FORBIDDEN')
          authorized = true
          return community
        },
        authorizeStreet(streetId) {
          if (!user?.roles.some((g) => g.role === 'street_staff' && g.streetId === streetId)) throw new AppError('AUTH.FORBIDDEN')
          authorized = true
        },
        rolesIn: (community) => rolesIn(user, community),
      }

      if (Array.isArray(def.access)) {
        if (!holdsRoleAnywhere(user, def.access)) return fail('AUTH.FORBIDDEN')
        if (typeof input.communityId === 'string') await ctx.authorize(input.communityId)
      }
      // a photo or file someone else uploaded (another ticket's, a neighbour's) can never be attached by naming its fileID
      if (fileIDsIn(input).some((f) => !openid || !ownedBy(f, openid))) return fail('UPLOAD.NOT_YOURS')

      const data = await handler(input as never, ctx)
      if (!authorized) {
        // A role-restricted handler that never checked the record's community is a defect, not a success.
        console.error(`[${requestId}] ${contract.name}.${actionName} answered without authorizing a community`)
        return fail('INTERNAL', undefined, undefined, requestId)
      }
      return { ok: true, data }
    } catch (e) {
      if (isAppError(e)) return fail(e.code, e.message, e.issues)
      // Lost a transaction race even after the SDK's retries: the caller may simply try again.
      if (/TRANSACTION_CONFLICT/.test(String((e as { code?: string })?.code ?? ''))) return fail('CONFLICT')
      console.error(`[${requestId}] ${contract.name}.${actionName} failed:`, e)
      return fail('INTERNAL', undefined, undefined, requestId)
    }
  }
}
