import { usersContract } from './users'
import { placesContract } from './places'
import { qrcodesContract } from './qrcodes'
import { sheetsContract } from './sheets'
import { ticketsContract } from './tickets'
import { councilContract } from './council'
import { volunteersContract } from './volunteers'
import { noticesContract } from './notices'
import { moderationContract } from './moderation'
import { wishesContract } from './wishes'

export * from './core'
export * from './errors'
export type * from './models'
export type * from './users'
export * from './console'
export type * from './places'
export * from './registerLabels'
export type * from './qrcodes'
export * from './sheets'
export * from './tickets'
export * from './council'
export * from './volunteers'
export * from './notices'
export * from './moderation'
export * from './wishes'
export type { CommunitySettings, StoredSettings } from './settings'
export {
  usersContract,
  placesContract,
  qrcodesContract,
  sheetsContract,
  ticketsContract,
  councilContract,
  volunteersContract,
  noticesContract,
  moderationContract,
  wishesContract,
}

/** Every deployed function with actions, by name. The api client and the gateway read this. */
export const contracts = {
  users: usersContract,
  places: placesContract,
  qrcodes: qrcodesContract,
  sheets: sheetsContract,
  tickets: ticketsContract,
  council: councilContract,
  volunteers: volunteersContract,
  notices: noticesContract,
  moderation: moderationContract,
  wishes: wishesContract,
} as const

export type Contracts = typeof contracts
export type FunctionName = keyof Contracts
