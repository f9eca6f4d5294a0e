import type { NoticeDoc } from '../../../types'

/**
 * Who a notice reaches, as keys stored on it (`reach`), one per audience: `community:<id>` for a community-wide notice,
 * `grid:<id>` per grid, `building:<id>` per building. A resident's list is then one `$in` of her own keys (see
 * `homeReach`) on one indexed array field, so her page and its total come from an index however many notices there are.
 */
export function reachOf(communityId: string, audience: NoticeDoc['audience']): string[] {
  if (audience.scope === 'community') return [`community:${communityId}`]
  if (audience.scope === 'grid') return [...new Set(audience.gridIds)].map((g) => `grid:${g}`)
  return [...new Set(audience.buildingIds)].map((b) => `building:${b}`)
}

/** The keys of the notices reaching a resident of this community who lives in these buildings and grids. */
export const homeReach = (communityId: string, home: { gridIds: Iterable<string>; buildingIds: Iterable<string> }): string[] => [
  `community:${communityId}`,
  ...[...new Set(home.gridIds)].map((g) => `grid:${g}`),
  ...[...new Set(home.buildingIds)].map((b) => `building:${b}`),
]
