import Taro from '@tarojs/taro'
import { askToSubscribe, prefetchSubscriptions, resetSubscriptions } from '../../src/api/subscribe'
import { fakeBackend } from './support/fakeTransport'

describe('asking for subscription messages', () => {
  let backend: ReturnType<typeof fakeBackend>
  const env = process.env.TARO_ENV
  beforeEach(() => {
    resetSubscriptions()
    backend = fakeBackend().ok('users', 'subscriptionTemplates', [
      { kind: 'stateChanged', templateId: 'tpl-state' },
      { kind: 'assigned', templateId: 'tpl-assigned' },
    ])
    backend.on('users', 'recordSubscriptions', ({ accepted }) => ({ ok: true, data: accepted.map((kind) => ({ kind, remaining: 1 })) }))
  })
  afterEach(() => {
    process.env.TARO_ENV = env
    backend.restore()
    jest.restoreAllMocks()
  })

  it('when the person accepts the prompt on weapp, then only the accepted kinds are recorded', async () => {
    process.env.TARO_ENV = 'weapp'
    const prompt = jest.fn().mockResolvedValue({ errMsg: 'requestSubscribeMessage:ok', 'tpl-state': 'accept' })
    ;(Taro as unknown as { requestSubscribeMessage: unknown }).requestSubscribeMessage = prompt
    await prefetchSubscriptions()
    expect(await askToSubscribe(['stateChanged', 'volunteerPromoted'])).toEqual(['stateChanged'])
    expect(prompt).toHaveBeenCalledWith({ tmplIds: ['tpl-state'] })
    expect(backend.callsOf('users', 'recordSubscriptions').map((c) => c.data)).toEqual([{ accepted: ['stateChanged'] }])
  })

  it('when the person rejects the prompt, then nothing is recorded', async () => {
    process.env.TARO_ENV = 'weapp'
    ;(Taro as unknown as { requestSubscribeMessage: unknown }).requestSubscribeMessage = jest.fn().mockResolvedValue({ 'tpl-state': 'reject' })
    await prefetchSubscriptions()
    expect(await askToSubscribe(['stateChanged'])).toEqual([])
    expect(backend.callsOf('users', 'recordSubscriptions')).toEqual([])
  })

  it('when the templates were not fetched yet or the app runs in a browser, then no prompt opens', async () => {
    process.env.TARO_ENV = 'weapp'
    const prompt = jest.fn()
    ;(Taro as unknown as { requestSubscribeMessage: unknown }).requestSubscribeMessage = prompt
    expect(await askToSubscribe(['stateChanged'])).toEqual([])
    process.env.TARO_ENV = 'h5'
    await prefetchSubscriptions()
    expect(await askToSubscribe(['stateChanged'])).toEqual([])
    expect(prompt).not.toHaveBeenCalled()
    expect(backend.callsOf('users', 'subscriptionTemplates')).toEqual([])
  })
})
