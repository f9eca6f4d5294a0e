import { readFileSync, readdirSync, statSync } from 'fs'
import { join } from 'path'
import { contracts, ERROR_MESSAGES } from '../../types'

/** Every `errors` a contract declares, as [function.action, code]. */
const declared = Object.entries(contracts).flatMap(([fn, c]) =>
  Object.entries(c.actions).flatMap(([action, def]) =>
    ((def as { errors?: readonly string[] }).errors ?? []).map((code) => [`${fn}.${action}`, code] as const),
  ),
)

const sources = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (name === 'node_modules' || name === 'dist') return []
    if (statSync(path).isDirectory()) return sources(path)
    return /\.ts$/.test(name) && !/\.test\.ts$/.test(name) ? [readFileSync(path, 'utf8')] : []
  })

describe('error codes declared by the contract', () => {
  it('when pages react to codes, then some actions declare them', () => {
    expect(declared.length).toBeGreaterThan(0)
  })

  it('when an action declares an error code, then the code is in the catalogue with its message', () => {
    const unknown = declared.filter(([, code]) => !(code in ERROR_MESSAGES))
    expect(unknown).toEqual([])
  })

  it('when an action declares an error code, then a function does throw it', () => {
    const functions = sources(join(__dirname, '../../cloudfunctions')).join('\n')
    const thrown = (code: string) => [`AppError('${code}'`, `refuse('${code}'`].some((s) => functions.includes(s))
    const never = declared.filter(([, code]) => !thrown(code))
    expect(never).toEqual([])
  })
})
