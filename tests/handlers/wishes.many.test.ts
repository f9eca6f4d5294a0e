import { collection } from '../../cloudfunctions/_core/repos/base'
import { P, as, errorCode, ok, useWorld } from '../support/world'
import { openWish, storedWish, volunteersAt } from './wishes.helpers'

useWorld()

describe('wishes under concurrency', () => {
  test('when 30 volunteers claim the same wish at once, then exactly one holds the claim and the other 29 hear WISH.ALREADY_CLAIMED', async () => {
    const w = await openWish()
    const people = await volunteersAt(30)

    const answers = await Promise.all(people.map((openid) => as(openid)('wishes', 'claim', { wishId: w.id })))

    const winners = answers.flatMap((a, i) => (a.ok ? [people[i]] : []))
    expect(winners).toHaveLength(1)
    expect(answers.filter((a) => !a.ok).map(errorCode)).toEqual(Array(29).fill('WISH.ALREADY_CLAIMED'))
    const stored = await storedWish(w.id)
    expect(stored).toMatchObject({ state: 'claimed', claim: { openid: winners[0] }, releases: [] })
    // the requester is told once, of the one claim that stands
    const told = (await collection('outbox').where({ to: P.resident2, kind: 'wishChanged' }).get()).data as { payload: { state: string } }[]
    expect(told.map((o) => o.payload.state)).toEqual(['审核通过', '已被认领'])
    // and the winner's view says so, to them alone
    expect(ok(await as(winners[0])('wishes', 'get', { wishId: w.id })).mine).toBe('claimant')
  })

  test('when the claimant withdraws while 10 others claim, then the wish ends with one claimant or open, never two', async () => {
    const w = await openWish()
    const [first, ...others] = await volunteersAt(11)
    ok(await as(first)('wishes', 'claim', { wishId: w.id }))

    const answers = await Promise.all([as(first)('wishes', 'withdraw', { wishId: w.id }), ...others.map((o) => as(o)('wishes', 'claim', { wishId: w.id }))])

    expect(answers[0].ok).toBe(true)
    const claimed = answers.slice(1).filter((a) => a.ok)
    expect(claimed.length).toBeLessThanOrEqual(1)
    const stored = await storedWish(w.id)
    expect(stored.state).toBe(claimed.length ? 'claimed' : 'open')
    expect(stored.releases.map((r) => r.openid)).toEqual([first])
  })
})
