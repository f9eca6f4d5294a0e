import { collection } from '../../cloudfunctions/_core/repos/base'
import { demoIds } from '../../local/demo'
import { P, XINGFU, as, ok, useWorld } from '../support/world'
import { rid } from '../support/requestIds'
import { CODE_B1U1, CODE_B4U2 } from './tickets.helpers'

useWorld()

const submit = (requestId = rid('ticket'), placeCode = CODE_B1U1) =>
  as(P.resident)('tickets', 'submit', { requestId, placeCode, category: 'repair', text: '楼道灯不亮' })

const setCommunity = (settings: Record<string, unknown>) => collection('communities').doc(XINGFU).update({ settings })

describe('tickets.submit: whom to call about the report (hideGridContact)', () => {
  it('when a community leaves the setting unset, then the answer names the assigned grid member in full with their phone', async () => {
    const t = ok(await submit())
    // the grid's notice board posts the member's full name and phone; the ticket's own view keeps the community's masking
    expect(t.handler).toEqual({ name: '张伟', phone: '13800000003' })
    expect(t.assignee?.name).toBe('张*')
  })

  it('when the report goes to another grid, then its member is the one named', async () => {
    expect(ok(await submit(rid('ticket'), CODE_B4U2)).handler).toEqual({ name: '黄丽', phone: '13800000004' })
  })

  it('when the community sets hideGridContact, then no name or phone is answered though the ticket is still routed', async () => {
    await setCommunity({ hideGridContact: true })
    const t = ok(await submit())
    expect(t.handler).toBeNull()
    expect(t.state).toBe('assigned')
    expect(JSON.stringify(t)).not.toContain('13800000003')
  })

  it('when the setting holds anything but true, then the contact is shown as by default', async () => {
    await setCommunity({ hideGridContact: 'yes' })
    expect(ok(await submit()).handler?.name).toBe('张伟')
  })

  it('when a submit is repeated with its request id (the answer was lost), then the repeat names the same grid member', async () => {
    const requestId = rid('ticket')
    const first = ok(await submit(requestId))
    const again = ok(await submit(requestId))
    expect(again.id).toBe(first.id)
    expect(again.handler).toEqual(first.handler)
  })

  it('when the grid has nobody to route to, then the ticket waits and no contact is answered', async () => {
    await collection('grids').doc(demoIds.grid(XINGFU, 0)).update({ memberOpenids: [], leaderOpenid: null })
    const t = ok(await submit())
    expect(t.state).toBe('submitted')
    expect(t.handler).toBeNull()
  })
})
