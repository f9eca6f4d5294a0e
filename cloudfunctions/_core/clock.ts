/**
 * The one place the functions read the time. Domain code takes `now` as an argument; handlers get it from here
 * through `ctx.now`, and tests fix it with `setClock`.
 */
let clock: () => Date = () => new Date()

declare global {
  /**
   * Set only by the local gateway's dev clock (POST /api/dev/clock), to walk a demo past a deadline or a publicity
   * period. A global, because the gateway may run the bundled functions, each with its own copy of this module.
   * Never set on CloudBase.
   */
  var __LOCAL_CLOCK_SKEW_MS__: number | undefined
}

export const now = (): Date => {
  const skew = globalThis.__LOCAL_CLOCK_SKEW_MS__
  return skew ? new Date(clock().getTime() + skew) : clock()
}

export const setClock = (fn: (() => Date) | null): void => {
  clock = fn ?? (() => new Date())
}

export const addHours = (d: Date, hours: number): Date => new Date(d.getTime() + hours * 3_600_000)
