/**
 * The mini-program's stand-in for ./cloudbase.ts (Taro picks `*.weapp.ts` for the weapp build): the console's
 * @cloudbase/js-sdk is for the H5 console on static hosting only, and a dead `import()` is not enough to keep its
 * 400 KB out of the mini-program's vendors.js. Nothing on weapp calls these: the mini-program talks to its functions
 * through wx.cloud, and never signs in with a console ticket.
 */
const h5Only = (): never => {
  throw new Error('H5 only')
}

export const callFunction = async (_name: string, _data: unknown): Promise<unknown> => h5Only()
export const signInWithTicket = async (_ticket: string): Promise<boolean> => h5Only()
export const signOut = async (): Promise<void> => h5Only()
