import { screen } from '@testing-library/react'

/**
 * A page shows exactly the buttons its view's `can` lists. `buttons` maps each action to its button's text; for each
 * action the page is rendered once with every other action listed and that one left out (`omitting`), so a button
 * shown without its own `can` — or hidden despite it — fails by name.
 */
export const omissions = <A extends string>(buttons: Record<A, string>) =>
  (Object.keys(buttons) as A[]).map((left) => [left, (Object.keys(buttons) as A[]).filter((a) => a !== left)] as const)

/** The buttons of `listed` are on screen and every other one of `buttons` is not. */
export async function expectOnlyButtons<A extends string>(buttons: Record<A, string>, listed: readonly A[]) {
  for (const a of listed) expect(await screen.findByText(buttons[a])).toBeTruthy()
  for (const a of Object.keys(buttons) as A[]) if (!listed.includes(a)) expect(screen.queryByText(buttons[a])).toBeNull()
}
