import { statusOf } from '../../cloudfunctions/_core/domain/moderation'
import { homeReach, reachOf } from '../../cloudfunctions/_core/domain/notices'
import { naturalSort } from '../../cloudfunctions/_core/domain/places'

describe('a moderated record’s status from its items', () => {
  it('is pending while any item is pending, rejected when none is pending and one was rejected, else published', () => {
    expect(statusOf({ pending: 1, rejected: 1 })).toBe('pending')
    expect(statusOf({ pending: 2, rejected: 0 })).toBe('pending')
    expect(statusOf({ pending: 0, rejected: 1 })).toBe('rejected')
    expect(statusOf({ pending: 0, rejected: 0 })).toBe('published')
  })
})

describe('who a notice reaches', () => {
  it('a community-wide notice reaches the community', () => {
    expect(reachOf('c1', { scope: 'community', gridIds: ['g1'], buildingIds: ['b1'] })).toEqual(['community:c1'])
  })

  it('a grid notice reaches each of its grids once', () => {
    expect(reachOf('c1', { scope: 'grid', gridIds: ['g1', 'g2', 'g1'], buildingIds: ['b1'] })).toEqual(['grid:g1', 'grid:g2'])
  })

  it('a building notice reaches each of its buildings once', () => {
    expect(reachOf('c1', { scope: 'buildings', gridIds: ['g1'], buildingIds: ['b2', 'b2', 'b1'] })).toEqual(['building:b2', 'building:b1'])
  })

  it('a resident is reached by her community’s, her grids’ and her buildings’ notices, each key once', () => {
    expect(homeReach('c1', { gridIds: ['g1', 'g1'], buildingIds: ['b1', 'b2', 'b1'] })).toEqual(['community:c1', 'grid:g1', 'building:b1', 'building:b2'])
    expect(homeReach('c1', { gridIds: [], buildingIds: [] })).toEqual(['community:c1'])
  })
})

describe('the order of places by name', () => {
  it('orders by the first number in the name, names without one last', () => {
    const names = ['10栋', '商铺', '2栋', '1号楼 3单元']
    expect([...names].sort((a, b) => naturalSort(a) - naturalSort(b))).toEqual(['1号楼 3单元', '2栋', '10栋', '商铺'])
    expect(naturalSort('12栋203')).toBe(12)
    expect(naturalSort('商铺')).toBe(100_000)
  })
})
