/**
 * The one place the functions read the time. Domain code takes `now` as an argument; handlers get it from here
 * through `ctx.now`, and tests fix it with `setClock`.
 */
let clock: () => Date = () => new Date()

export const now = (): Date => clock()

export const setClock = (fn: (() => Date) | null): void => {
  clock = fn ?? (() => new Date())
}

export const addHours = (d: Date, hours: number): Date => new Date(d.getTime() + hours * 3_600_000)
