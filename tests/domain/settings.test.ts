import { DEFAULT_TICKET_CATEGORIES } from '../../types'
import { parseSettings } from '../../types/settings'

describe('community settings', () => {
  it('when a community has no settings, or they are not an object, then every field has its default', () => {
    const defaults = {
      ticketCategories: DEFAULT_TICKET_CATEGORIES,
      ticketAutoCloseDays: 7,
      ticketMaskAssigneeName: true,
      photoRetentionDays: 730,
      hideGridContact: false,
      callbackShare: 20,
      wishClaimDays: 3,
      councilSuggestThreshold: 5,
      councilSuggestDays: 30,
    }
    for (const stored of [undefined, null, {}, [], 'x', 42]) expect(parseSettings(stored)).toEqual(defaults)
  })

  it('when one setting is malformed, then that one falls back to its default and the others stand', () => {
    expect(parseSettings({ callbackShare: 150, wishClaimDays: 5, hideGridContact: 'yes', photoRetentionDays: 90 })).toMatchObject({
      callbackShare: 20,
      wishClaimDays: 5,
      hideGridContact: false,
      photoRetentionDays: 90,
    })
  })

  it('when the council suggestion settings are set or malformed, then set ones stand and malformed ones are 5 tickets in 30 days', () => {
    expect(parseSettings({ councilSuggestThreshold: 3, councilSuggestDays: 14 })).toMatchObject({ councilSuggestThreshold: 3, councilSuggestDays: 14 })
    for (const bad of [0, -2, 2.5, '3', null])
      expect(parseSettings({ councilSuggestThreshold: bad, councilSuggestDays: bad })).toMatchObject({ councilSuggestThreshold: 5, councilSuggestDays: 30 })
    expect(parseSettings({ councilSuggestDays: 400 }).councilSuggestDays).toBe(30)
  })

  it('when settings hold a key this version does not know, then it is kept, not dropped', () => {
    expect(parseSettings({ laterFeature: { on: true } })).toMatchObject({ laterFeature: { on: true } })
  })
})
