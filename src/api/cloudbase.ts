/**
 * The staff console deployed on CloudBase static hosting: function calls and sign-in through @cloudbase/js-sdk (its
 * core, auth and functions modules only). Loaded by `import()` from the H5 build's transport when TARO_APP_CLOUD_ENV
 * is set, so it is a chunk of its own: the mini-program never contains it, and the local H5 build never loads it.
 */
import cloudbase from '@cloudbase/js-sdk/app'
import { registerAuth } from '@cloudbase/js-sdk/auth'
import { registerFunctions } from '@cloudbase/js-sdk/functions'

registerAuth(cloudbase)
registerFunctions(cloudbase)

const app = cloudbase.init({ env: process.env.TARO_APP_CLOUD_ENV as string })
const auth = app.auth({ persistence: 'local' })

/**
 * Before the QR is confirmed nobody is signed in on the computer; CloudBase answers function calls only with a login
 * state, so the page first signs in anonymously (enable 匿名登录 in the environment): the functions see a TCB_UUID,
 * never an OPENID, and answer only the console sign-in's public actions to it.
 */
async function ensureLoginState(): Promise<void> {
  if (await auth.getLoginState()) return
  await auth.signInAnonymously()
}

export async function callFunction(name: string, data: unknown): Promise<unknown> {
  await ensureLoginState()
  const res = await app.callFunction({ name, data: data as Record<string, unknown> })
  return res.result
}

/** Custom login with the ticket the users function made (auth().createTicket): from then on calls carry its user id. */
export async function signInWithTicket(ticket: string): Promise<boolean> {
  try {
    await auth.signInWithCustomTicket(() => Promise.resolve(ticket))
    return !!(await auth.getLoginState())
  } catch {
    return false
  }
}

export async function signOut(): Promise<void> {
  await auth.signOut()
}
