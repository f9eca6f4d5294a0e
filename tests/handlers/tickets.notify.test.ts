import { findAll } from '../../cloudfunctions/_core/repos/base'
import { sentMessages } from '../../local/wx'
import { P, as, ok, useWorld } from '../support/world'
import { accepted, report } from './tickets.helpers'

useWorld()

const TEMPLATES = {
  assigned: { id: 'tpl-assigned', fields: { category: 'thing1', place: 'thing2', time: 'time3' } },
  stateChanged: { id: 'tpl-state', fields: { category: 'thing1', state: 'phrase2' } },
}

describe('subscription messages', () => {
  beforeEach(() => {
    sentMessages.length = 0
  })
  afterEach(() => {
    delete process.env.SUBSCRIBE_TEMPLATES
  })

  const optIn = async (openid: string, kinds: string[], times = 1) => {
    for (let i = 0; i < times; i++) ok(await as(openid)('users', 'recordSubscriptions', { accepted: kinds }))
  }

  it('when templates are configured and people opted in, then each notification goes out to its person with the mapped fields and is marked sent', async () => {
    process.env.SUBSCRIBE_TEMPLATES = JSON.stringify(TEMPLATES)
    await optIn(P.gridMember, ['assigned'], 5)
    await optIn(P.resident, ['stateChanged'], 5)
    const t = await accepted()
    const toMember = sentMessages.find((m) => m.touser === P.gridMember && m.templateId === 'tpl-assigned')
    expect(toMember).toEqual({
      touser: P.gridMember,
      templateId: 'tpl-assigned',
      page: `pages/ticket/index?id=${t.id}`,
      data: { thing1: { value: '环境卫生' }, thing2: { value: '1栋 1单元' }, time3: { value: expect.stringMatching(/^2026年11月22日 \d\d:\d\d$/) } },
    })
    const toReporter = sentMessages.find((m) => m.touser === P.resident && m.templateId === 'tpl-state')
    expect(toReporter?.data).toEqual({ thing1: { value: '环境卫生' }, phrase2: { value: '处理中' } })
    const outbox = await findAll<{ sentAt: string | null; errcode: number | null }>('outbox', {})
    expect(outbox.length).toBeGreaterThan(0)
    expect(outbox.every((o) => o.sentAt !== null && o.errcode === 0)).toBe(true)
  })

  it('when a person never accepted the template, then nothing is sent to them and the outbox records why', async () => {
    process.env.SUBSCRIBE_TEMPLATES = JSON.stringify(TEMPLATES)
    await report()
    expect(sentMessages).toEqual([])
    const outbox = await findAll<{ to: string; sentAt: string | null; errcode: number | null }>('outbox', {})
    expect(outbox.length).toBeGreaterThan(0)
    expect(outbox.every((o) => o.sentAt === null && o.errcode === 43101)).toBe(true)
  })

  it('when a person accepted once, then exactly one message goes out to them and later ones wait for another acceptance', async () => {
    process.env.SUBSCRIBE_TEMPLATES = JSON.stringify(TEMPLATES)
    await optIn(P.resident, ['stateChanged'])
    await accepted() // assigned, then accepted: two state changes for the reporter
    expect(sentMessages.filter((m) => m.touser === P.resident)).toHaveLength(1)
    const left = ok(await as(P.resident)('users', 'recordSubscriptions', { accepted: ['stateChanged', 'unknownKind'] }))
    expect(left).toEqual(
      expect.arrayContaining([
        { kind: 'stateChanged', remaining: 1 },
        { kind: 'assigned', remaining: 0 },
      ]),
    )
  })

  it('when the mini-program asks which templates exist, then it gets the configured kinds and ids', async () => {
    process.env.SUBSCRIBE_TEMPLATES = JSON.stringify(TEMPLATES)
    expect(ok(await as(P.resident)('users', 'subscriptionTemplates', {}))).toEqual([
      { kind: 'assigned', templateId: 'tpl-assigned' },
      { kind: 'stateChanged', templateId: 'tpl-state' },
    ])
  })

  it('when no template is configured, then notifications stay recorded in the outbox and nothing is sent', async () => {
    await report()
    expect(sentMessages).toEqual([])
    const outbox = await findAll<{ sentAt: string | null }>('outbox', {})
    expect(outbox.length).toBeGreaterThan(0)
    expect(outbox.every((o) => o.sentAt === null)).toBe(true)
  })
})
