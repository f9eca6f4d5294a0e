/**
 * A CloudBase function context as the platform would hand it to `main(event, context)`: the caller's OPENID
 * travels in `context.environment`, never in the event. Used by the local gateway and by tests.
 */
export const platformContext = (openid: string | null, requestId = `local-${Date.now().toString(36)}`) => ({
  request_id: requestId,
  function_name: 'local',
  environment: JSON.stringify({
    ...(openid ? { WX_OPENID: openid, WX_APPID: 'wx-local-demo', WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID' } : {}),
    TCB_SOURCE: 'local',
  }),
})
