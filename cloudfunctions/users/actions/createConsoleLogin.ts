import { createHash, randomBytes } from 'crypto'
import QRCode from 'qrcode'
import { CONSOLE_LOGIN_TTL_MS, type ConsoleLoginDoc, type usersContract } from '../../../types'
import { environmentId } from '../../_core/cloud'
import { countCall, insertConsoleLogin } from '../../_core/repos/console'
import type { Handler } from '../../_core/serve'
import { consoleUrlPrefix } from './consoleAccess'

export const hashPollToken = (token: string) => createHash('sha256').update(`console-poll\n${token}`).digest('hex')

/**
 * The console page on an office computer asks to sign in before anyone is signed in there (access `public`). Each
 * request is counted per caller and per address, 30 in ten minutes, so the page renews its QR all day but nobody
 * floods the database. The address and browser are the platform's; the page's own word on its browser is only shown.
 */
export const createConsoleLogin: Handler<typeof usersContract.actions.createConsoleLogin> = async (input, ctx) => {
  const ip = ctx.client.ip
  await countCall('consoleLogin', [ctx.caller, ...(ip ? [`ip:${ip}`] : [])], ctx.now, { max: 30, windowMs: 10 * 60_000 })
  const env = environmentId()
  const requestId = randomBytes(16).toString('hex')
  const pollToken = randomBytes(24).toString('base64url')
  const doc: ConsoleLoginDoc = {
    _id: requestId,
    pollTokenHash: hashPollToken(pollToken),
    env,
    status: 'pending',
    ip,
    userAgent: ctx.client.userAgent ?? input.userAgent ?? null,
    createdAt: ctx.now.toISOString(),
    expiresAt: new Date(ctx.now.getTime() + CONSOLE_LOGIN_TTL_MS).toISOString(),
    approvedBy: null,
    decidedAt: null,
    sessionId: null,
  }
  await insertConsoleLogin(doc)
  const qrText = `${consoleUrlPrefix()}${requestId}?env=${env}`
  const qr = await QRCode.toDataURL(qrText, { errorCorrectionLevel: 'M', margin: 2, scale: 8 })
  return { requestId, pollToken, qrText, qr, env, expiresAt: doc.expiresAt }
}
