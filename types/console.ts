import { z } from 'zod'
import { action, returns, id } from './core'
import { CONSOLE_ROLES, type ConsoleLoginRequestView, type ConsoleLoginStart, type ConsoleLoginStatus, type ConsoleSessionView } from './consoleLabels'

export * from './consoleLabels'

const requestId = () => z.string().regex(/^[a-f0-9]{32}$/, '登录请求无效，请在电脑上刷新二维码后重新扫描')
const envId = () => z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, '二维码不是本系统的电脑登录码')

export const consoleActions = {
  createConsoleLogin: action({
    summary: '电脑端：生成扫码登录请求（未登录即可调用，按调用者限制次数）',
    input: z.object({ userAgent: z.string().max(400).optional() }).strict(),
    output: returns<ConsoleLoginStart>(),
    access: 'public',
  }),
  consoleLoginStatus: action({
    summary: '电脑端：查询扫码登录请求是否已在手机上确认（凭请求时拿到的口令）',
    input: z.object({ requestId: requestId(), pollToken: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, '口令格式不正确') }).strict(),
    output: returns<ConsoleLoginStatus>(),
    access: 'public',
  }),
  consoleLoginRequest: action({
    summary: '手机端：扫码后查看是哪台电脑、从哪里请求登录',
    input: z.object({ requestId: requestId(), env: envId() }).strict(),
    output: returns<ConsoleLoginRequestView>(),
    access: CONSOLE_ROLES,
  }),
  approveConsoleLogin: action({
    summary: '手机端：确认或取消电脑登录（仅社区工作人员、书记、网格长、街道工作人员）',
    input: z.object({ requestId: requestId(), env: envId(), approve: z.boolean().default(true) }).strict(),
    output: returns<{ approved: boolean; sessionId: string | null; expiresAt: string | null }>(),
    access: CONSOLE_ROLES,
  }),
  consoleSessions: action({
    summary: '我在电脑端登录的会话（未过期、未退出的）',
    input: z.object({}).strict(),
    output: returns<ConsoleSessionView[]>(),
    access: 'anyone',
  }),
  endConsoleSession: action({
    summary: '退出我在某台电脑上的登录',
    input: z.object({ sessionId: id() }).strict(),
    output: returns<{ ended: true }>(),
    access: 'anyone',
  }),
}
