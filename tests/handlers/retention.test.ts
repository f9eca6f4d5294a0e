import { main as sweeper } from '../../cloudfunctions/sweeper'
import { findAll } from '../../cloudfunctions/_core/repos/base'
import { storage } from '../../cloudfunctions/_core/cloud'
import { platformContext } from '../../local/context'
import type { TicketDoc } from '../../types'
import { NOW, P, XINGFU, as, ok, useWorld } from '../support/world'
import { rid } from '../support/requestIds'
import { CODE_B1U1 } from './tickets.helpers'

const world = useWorld()
const DAY = 86_400_000
/** The timer's run at a moment: the functions' clock is there too. */
const run = (at: Date) => {
  world.clock(at)
  return sweeper({ Type: 'Timer', TriggerName: 'every5min', Time: at.toISOString() }, platformContext(null)) as Promise<{
    ok: boolean
    data: { retention: { purged: number; photos: number } }
  }>
}

/** A report with a photo the resident uploaded, handled with an after photo, confirmed: closed today. */
async function closedWithPhotos(): Promise<{ id: string; files: string[] }> {
  const before = await storage.uploadFile({ cloudPath: `uploads/${P.resident}/t/before.png`, fileContent: Buffer.from('before') })
  const after = await storage.uploadFile({ cloudPath: `uploads/${P.gridMember}/t/after.png`, fileContent: Buffer.from('after') })
  const t = ok(
    await as(P.resident)('tickets', 'submit', {
      requestId: rid('ticket'),
      placeCode: CODE_B1U1,
      category: 'sanitation',
      text: '楼道堆物',
      photos: [before.fileID],
    }),
  )
  ok(await as(P.gridMember)('tickets', 'accept', { ticketId: t.id }))
  ok(await as(P.gridMember)('tickets', 'resolve', { ticketId: t.id, note: '已清理', photos: [after.fileID] }))
  ok(await as(P.resident)('tickets', 'confirm', { ticketId: t.id }))
  return { id: t.id, files: [before.fileID, after.fileID] }
}

describe('ticket photos are kept as long as the community says', () => {
  test('when two years have passed since a ticket closed, then the timer deletes its photos and keeps the record', async () => {
    const { id, files } = await closedWithPhotos()
    expect((await run(new Date(NOW.getTime() + 729 * DAY))).data.retention.photos).toBe(0)
    expect(files.every((f) => world.stored(f))).toBe(true)
    const done = await run(new Date(NOW.getTime() + 731 * DAY))
    expect(done.data.retention).toMatchObject({ purged: 1, photos: 2 })
    expect(files.map((f) => world.stored(f))).toEqual([null, null])
    const [t] = await findAll<TicketDoc>('tickets', { _id: id })
    expect(t).toMatchObject({ photos: [], text: '楼道堆物', state: 'closed', resolution: expect.objectContaining({ note: '已清理', photos: [] }) })
    expect(t.timeline.flatMap((e) => e.photos)).toEqual([])
    expect(t.photosPurgedAt).toBeTruthy()
    // a second run finds nothing left to do
    expect((await run(new Date(NOW.getTime() + 732 * DAY))).data.retention.photos).toBe(0)
  })

  test('when staff set a shorter period, then photos go after that many days; a setting under 30 days is refused', async () => {
    const { files } = await closedWithPhotos()
    expect(ok(await as(P.staff)('places', 'updateSettings', { communityId: XINGFU, photoRetentionDays: 90 }))).toEqual({
      photoRetentionDays: 90,
      callbackShare: 20,
    })
    expect(ok(await as(P.staff)('places', 'settings', { communityId: XINGFU }))).toEqual({ photoRetentionDays: 90, callbackShare: 20 })
    await run(new Date(NOW.getTime() + 89 * DAY))
    expect(files.every((f) => world.stored(f))).toBe(true)
    await run(new Date(NOW.getTime() + 91 * DAY))
    expect(files.map((f) => world.stored(f))).toEqual([null, null])
    const bad = await as(P.staff)('places', 'updateSettings', { communityId: XINGFU, photoRetentionDays: 7 })
    expect(bad.ok ? null : bad.error.issues?.[0].message).toBe('至少保存30天')
  })

  test('when a ticket is still open after two years, then its photos stay', async () => {
    const photo = await storage.uploadFile({ cloudPath: `uploads/${P.resident}/t/open.png`, fileContent: Buffer.from('open') })
    ok(
      await as(P.resident)('tickets', 'submit', {
        requestId: rid('ticket'),
        placeCode: CODE_B1U1,
        category: 'sanitation',
        text: '一直没人管',
        photos: [photo.fileID],
      }),
    )
    await run(new Date(NOW.getTime() + 800 * DAY))
    expect(world.stored(photo.fileID)).not.toBeNull()
  })
})
