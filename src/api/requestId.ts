/** An idempotency key for one form: kept across retries so a resent submit never files a second ticket. */
export const newRequestId = (): string => {
  const rand = () => Math.random().toString(36).slice(2, 10)
  return `r${Date.now().toString(36)}${rand()}${rand()}`.slice(0, 40)
}
