import { usersContract } from './users'
import { placesContract } from './places'

export * from './core'
export * from './errors'
export type * from './models'
export type * from './users'
export type * from './places'
export { usersContract, placesContract }

/** Every deployed function with actions, by name. The api client and the gateway read this. */
export const contracts = {
  users: usersContract,
  places: placesContract,
} as const

export type Contracts = typeof contracts
export type FunctionName = keyof Contracts
