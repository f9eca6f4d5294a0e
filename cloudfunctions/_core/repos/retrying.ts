/**
 * CloudBase transactions give up after the SDK's 3 tries; a busy document (a vote's shard, an activity's roster)
 * is worth a few more tries with a little jitter that grows with each. Anything but a conflict goes straight out.
 */
export async function retrying<T>(fn: () => Promise<T>, attempts = 12, spreadMs = 5): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await fn()
    } catch (e) {
      const conflict = /TRANSACTION_CONFLICT/.test(String((e as { code?: string })?.code ?? ''))
      if (!conflict || i >= attempts) throw e
      await new Promise((r) => setTimeout(r, Math.random() * spreadMs * i))
    }
  }
}
