let issued = 0

/**
 * A request id as the app sends one with every creating call (`requestId`): unique for the whole test run, so two
 * calls never share one by accident; a test that means a retry reuses the id it got. `prefix` names the record kind in
 * a failure message (`wish-000012-x`).
 */
export const rid = (prefix = 'req'): string => `${prefix}-${String(++issued).padStart(6, '0')}-x`
