import { contactOf, decideWish, serviceIdOf, stateLabelOf, wantedAtValid } from '../../cloudfunctions/_core/domain/wishes'
import { WISH_STATE_LABELS, type WishDoc } from '../../types'

import { HOUR, NOW, at, buildWish as openWish, person, staff } from './wishFixtures'

/** The wishes of these tests start in review. */
const buildWish = (over: Partial<WishDoc> = {}): WishDoc => openWish({ state: 'pending', ...over })
const claim = { openid: 'v1', name: '志愿者', at: NOW.toISOString(), expiresAt: at(72).toISOString() }

describe('reviewing a posted wish', () => {
  it('approved by staff, it opens, records the review and tells the requester', () => {
    const w = buildWish()
    expect(decideWish(w, { type: 'approve' }, staff, NOW)).toEqual({
      ok: true,
      next: {
        ...w,
        state: 'open',
        review: { approved: true, reason: null, byOpenid: 'staff', byName: '陈静', at: NOW.toISOString() },
        version: 2,
        updatedAt: NOW.toISOString(),
      },
      notices: [{ to: 'req', state: '审核通过' }],
    })
  })

  it('rejected by staff, it is closed with the reason, and the requester is told', () => {
    const w = buildWish()
    expect(decideWish(w, { type: 'reject', reason: '不属于微心愿' }, staff, NOW)).toEqual({
      ok: true,
      next: {
        ...w,
        state: 'rejected',
        review: { approved: false, reason: '不属于微心愿', byOpenid: 'staff', byName: '陈静', at: NOW.toISOString() },
        version: 2,
        updatedAt: NOW.toISOString(),
      },
      notices: [{ to: 'req', state: '未通过' }],
    })
  })

  it('tells nobody when staff posted it for someone without the app', () => {
    const d = decideWish(buildWish({ requesterOpenid: null }), { type: 'approve' }, staff, NOW)
    expect(d.ok && d.notices).toEqual([])
  })

  it('is for staff only, and only while pending', () => {
    expect(decideWish(buildWish(), { type: 'approve' }, person('v'), NOW)).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
    expect(decideWish(buildWish(), { type: 'reject', reason: 'x' }, person('req'), NOW)).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
    expect(decideWish(buildWish({ state: 'open' }), { type: 'approve' }, staff, NOW)).toMatchObject({ ok: false, code: 'WISH.INVALID_STATE' })
    expect(decideWish(buildWish({ state: 'open' }), { type: 'reject', reason: 'x' }, staff, NOW)).toMatchObject({ ok: false, code: 'WISH.INVALID_STATE' })
  })
})

describe('whom one may phone about a wish', () => {
  const claimed = buildWish({ state: 'claimed', claim, claimExpiresAt: claim.expiresAt })

  it('the claimant the requester and the requester the claimant, while the claim stands or the help is done', () => {
    expect(contactOf(claimed, person('v1'), NOW)).toBe('requester')
    expect(contactOf(claimed, person('req'), NOW)).toBe('claimant')
    expect(contactOf({ ...claimed, state: 'done', claimExpiresAt: null }, person('req'), at(100))).toBe('claimant')
  })

  it('nobody for anyone else, once the claim lapsed, or before it is claimed', () => {
    expect(contactOf(claimed, person('x'), NOW)).toBeNull()
    expect(contactOf(claimed, staff, NOW)).toBeNull()
    expect(contactOf(claimed, person('v1'), at(72))).toBeNull()
    expect(contactOf(claimed, person('v1'), at(71.99))).toBe('requester')
    expect(contactOf(buildWish({ state: 'open' }), person('req'), NOW)).toBeNull()
    expect(contactOf({ ...claimed, state: 'confirmed' }, person('req'), NOW)).toBeNull()
  })
})

describe('when help may be wanted', () => {
  it('from an hour ago up to 60 days ahead, both ends included', () => {
    expect(wantedAtValid(at(-1).toISOString(), NOW)).toBe(true)
    expect(wantedAtValid(new Date(NOW.getTime() - HOUR - 1).toISOString(), NOW)).toBe(false)
    expect(wantedAtValid(at(60 * 24).toISOString(), NOW)).toBe(true)
    expect(wantedAtValid(new Date(NOW.getTime() + 60 * 24 * HOUR + 1).toISOString(), NOW)).toBe(false)
  })
})

describe('a wish as people see it', () => {
  it('a lapsed claim reads as open again', () => {
    const claimed = buildWish({ state: 'claimed', claim, claimExpiresAt: claim.expiresAt })
    expect(stateLabelOf(claimed, NOW)).toBe(WISH_STATE_LABELS.claimed)
    expect(stateLabelOf(claimed, at(72))).toBe(WISH_STATE_LABELS.open)
    expect(WISH_STATE_LABELS.claimed).not.toBe(WISH_STATE_LABELS.open)
  })

  it('its service on a volunteer record is keyed by the wish', () => {
    expect(serviceIdOf({ _id: 'w9' })).toBe('wish:w9')
  })
})
