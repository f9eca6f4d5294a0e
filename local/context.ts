/**
 * A CloudBase function context as the platform would hand it to `main(event, context)`: the caller's OPENID
 * travels in `context.environment`, never in the event. Used by the local gateway and by tests.
 */
export const platformContext = (openid: string | null, requestId = `local-${Date.now().toString(36)}`, web: WebCaller = {}) => ({
  request_id: requestId,
  function_name: 'local',
  environment: JSON.stringify({
    ...(openid ? { WX_OPENID: openid, WX_APPID: 'wx-local-demo', WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID' } : {}),
    // a browser signed in with CloudBase custom login (the staff console): its user id, never an OPENID
    ...(!openid && web.customUserId ? { TCB_CUSTOM_USER_ID: web.customUserId } : {}),
    ...(web.ip ? { TCB_SOURCE_IP: web.ip } : {}),
    ...(web.userAgent ? { TCB_HTTP_CONTEXT: JSON.stringify({ headers: { 'user-agent': web.userAgent } }) } : {}),
    TCB_SOURCE: 'local',
  }),
})

/** What the platform knows of a web caller besides an OPENID: custom login's user id, its address and browser. */
export interface WebCaller {
  customUserId?: string | null
  ip?: string | null
  userAgent?: string | null
}
