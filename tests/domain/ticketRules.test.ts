import { parseSettings } from '../../types/settings'
import {
  dueAt,
  findCategory,
  higher,
  isOverdue,
  openTicket,
  photosOf,
  ticketSettings,
  withoutPhotos,
  type TicketDraft,
} from '../../cloudfunctions/_core/domain/ticketRules'
import { DEFAULT_TICKET_CATEGORIES } from '../../types'
import { T0, buildTicket, hours } from './ticketFixtures'

const draft = (overrides: Partial<TicketDraft> = {}): TicketDraft => ({
  _id: 't1',
  communityId: 'c1',
  streetId: 'st1',
  gridId: 'g1',
  buildingId: 'b1',
  unitId: 'u1',
  placeCode: 'CODE1234',
  placeLabel: '1栋 1单元',
  category: DEFAULT_TICKET_CATEGORIES[0],
  text: '楼道堆满杂物',
  photos: ['cloud://p.png'],
  reporterOpenid: 'r',
  reporterName: '王秀英',
  reporterPhone: null,
  reporterHouseholdId: null,
  anonymous: false,
  filedBy: null,
  ...overrides,
})

describe('a community’s ticket categories', () => {
  it('finds the category with the given key, and none for a key the community does not use', () => {
    const settings = ticketSettings(parseSettings({}))
    expect(findCategory(settings, 'repair')?.label).toBe('设施报修')
    expect(findCategory(settings, 'safety')?.key).toBe('safety')
    expect(findCategory(settings, 'nonsense')).toBeNull()
  })
})

describe('the higher of two levels', () => {
  it('is the street over the community over the grid, whichever order they come in, and either when equal', () => {
    expect(higher('grid', 'community')).toBe('community')
    expect(higher('community', 'grid')).toBe('community')
    expect(higher('street', 'community')).toBe('street')
    expect(higher('grid', 'street')).toBe('street')
    expect(higher('grid', 'grid')).toBe('grid')
    expect(higher('street', 'street')).toBe('street')
  })
})

describe('a new ticket', () => {
  it('starts submitted at the grid, with one submit entry by the reporter carrying the text and photos', () => {
    const t = openTicket(draft(), 'resident', T0)
    expect(t.state).toBe('submitted')
    expect(t.level).toBe('grid')
    expect(t.maxLevel).toBe('grid')
    expect(t.timeline).toEqual([
      { at: T0.toISOString(), event: 'submit', actorOpenid: 'r', actorRole: 'resident', note: '楼道堆满杂物', photos: ['cloud://p.png'], detail: null },
    ])
  })

  it('starts at the community, at most ever the community, when the place has no grid', () => {
    const t = openTicket(draft({ gridId: null }), 'resident', T0)
    expect(t.level).toBe('community')
    expect(t.maxLevel).toBe('community')
  })

  it('filed on someone’s behalf (代办) is written as the filer’s act, with the channel', () => {
    const t = openTicket(draft({ filedBy: { openid: 'm', channel: 'phone' } }), 'grid_member', T0)
    expect(t.timeline[0].actorOpenid).toBe('m')
    expect(t.timeline[0].detail).toBe('代办:phone')
  })

  it('without text has no note on its submit entry', () => {
    expect(openTicket(draft({ text: '' }), 'resident', T0).timeline[0].note).toBeNull()
  })

  it('counts a reporter without a household as their own household', () => {
    expect(openTicket(draft({ reporterHouseholdId: null }), 'resident', T0).followerHouseholds).toEqual(['openid:r'])
    expect(openTicket(draft({ reporterHouseholdId: 'h9' }), 'resident', T0).followerHouseholds).toEqual(['h9'])
  })
})

describe('whether a ticket is overdue now', () => {
  // sanitation: respond within 4 hours, resolve within 2 days
  it('an unaccepted ticket is overdue only once past its respond-by, not at it', () => {
    const t = buildTicket('submitted')
    expect(isOverdue(t, hours(3))).toBe(false)
    expect(isOverdue(t, hours(4))).toBe(false)
    expect(isOverdue(t, hours(5))).toBe(true)
    expect(isOverdue(buildTicket('assigned'), hours(5))).toBe(true)
  })

  it('an accepted ticket is overdue only once past its resolve-by, whatever its respond-by', () => {
    const t = buildTicket('accepted')
    expect(isOverdue(t, hours(5))).toBe(false)
    expect(isOverdue(t, hours(48))).toBe(false)
    expect(isOverdue(t, hours(49))).toBe(true)
  })

  it('a ticket no longer open is never overdue', () => {
    for (const state of ['resolved', 'closed', 'withdrawn', 'merged'] as const) expect(isOverdue(buildTicket(state), hours(100))).toBe(false)
  })
})

describe('the deadline that applies now', () => {
  it('is respond-by while unaccepted, resolve-by while accepted, none after', () => {
    const t = buildTicket('submitted')
    expect(dueAt(t)).toBe(t.respondBy)
    expect(dueAt(buildTicket('assigned'))).toBe(t.respondBy)
    expect(dueAt(buildTicket('accepted'))).toBe(t.resolveBy)
    expect(t.resolveBy).not.toBe(t.respondBy)
    expect(dueAt(buildTicket('resolved'))).toBeNull()
    expect(dueAt(buildTicket('closed'))).toBeNull()
  })
})

describe('a ticket’s photos', () => {
  const withPhotos = () =>
    buildTicket('closed', {
      photos: ['cloud://a.png'],
      timeline: [
        { at: T0.toISOString(), event: 'submit', actorOpenid: 'r', actorRole: 'resident', note: null, photos: ['cloud://a.png'], detail: null },
        { at: hours(1).toISOString(), event: 'progress', actorOpenid: 'm', actorRole: 'grid_member', note: '处理中', photos: ['cloud://b.png'], detail: null },
        { at: hours(2).toISOString(), event: 'accept', actorOpenid: 'm', actorRole: 'grid_member', note: null, photos: [], detail: null },
      ],
    })

  it('are the report’s, the resolution’s and every step’s, each once', () => {
    expect(photosOf(withPhotos()).sort()).toEqual(['cloud://a.png', 'cloud://after.png', 'cloud://b.png'])
    expect(photosOf(buildTicket('submitted', { photos: ['cloud://x.png'] }))).toEqual(['cloud://x.png'])
  })

  it('purged past retention, leave the record whole: every entry and the resolution note stay, the photos go', () => {
    const t = withPhotos()
    const purged = withoutPhotos(t, hours(5).toISOString())
    expect(purged.photos).toEqual([])
    expect(purged.resolution).toEqual({ ...t.resolution, photos: [] })
    expect(purged.timeline).toEqual(t.timeline.map((e) => ({ ...e, photos: [] })))
    expect(purged.timeline[2]).toBe(t.timeline[2])
    expect(purged.photosPurgedAt).toBe(hours(5).toISOString())
    expect(purged.version).toBe(t.version + 1)
    expect(purged.state).toBe('closed')
    expect(photosOf(purged)).toEqual([])
  })

  it('purged from a ticket never resolved keep its resolution empty', () => {
    expect(withoutPhotos(buildTicket('withdrawn'), 'x').resolution).toBeNull()
  })
})
