/** "2栋" before "10栋": the first number in a name orders it; names without one go last. */
export const naturalSort = (name: string): number => {
  const m = /\d+/.exec(name)
  return m ? Number(m[0]) : 100_000
}
