/**
 * Moves on whenever who the app speaks as may have changed: another transport (tests), another demo identity, a console
 * sign-in or sign-out. What is cached per person (`useMe`) is read again after it moved.
 */
let epoch = 0

export const identityEpoch = (): number => epoch

export const identityChanged = (): void => {
  epoch++
}
