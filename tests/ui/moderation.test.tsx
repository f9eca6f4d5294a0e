import { fireEvent, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import Moderation from '../../src/packages/staff/pages/moderation/index'
import type { ModerationItemView } from '../../types'
import { fakeBackend } from './support/fakeTransport'
import { buildStaffMe } from './support/factories'
import { renderPage } from './support/render'
import { typeInto } from './support/tickets'

const item = (over: Partial<ModerationItemView> = {}): ModerationItemView => ({
  id: 'ticket:t1',
  kind: 'ticket',
  kindLabel: '报事',
  refId: 't1',
  text: '再不修我就去投诉曝光',
  images: ['cloud://env/a.png'],
  byName: '王秀英',
  status: 'pending',
  statusLabel: '待审核',
  reason: null,
  decidedByName: null,
  decidedAt: null,
  awaitingImages: 0,
  createdAt: '2026-11-22T01:00:00.000Z',
  ...over,
})
const paged = (items: ModerationItemView[]) => ({ items, page: 1, pageSize: 20, total: items.length })

describe('staff moderation page', () => {
  let backend: ReturnType<typeof fakeBackend>
  beforeEach(() => Taro.clearStorageSync())
  afterEach(() => {
    backend.restore()
    jest.restoreAllMocks()
  })

  it('when staff open it, then the pending items of their community are listed with the words and photos', async () => {
    backend = fakeBackend()
      .ok('users', 'me', buildStaffMe())
      .ok('moderation', 'list', paged([item()]))
    renderPage(Moderation, {}, '/packages/staff/pages/moderation/index')

    expect(await screen.findByText('再不修我就去投诉曝光')).toBeTruthy()
    expect(screen.getByText('报事 · 王秀英')).toBeTruthy()
    expect(screen.getByLabelText('报事的照片')).toBeTruthy()
    expect(backend.callsOf('moderation', 'list')[0].data).toMatchObject({ communityId: 'c1', status: 'pending' })
  })

  it('when staff tap 公开 and confirm, then decide publishes it and the item shows 已公开', async () => {
    jest.spyOn(Taro, 'showModal').mockResolvedValue({ confirm: true, cancel: false, errMsg: 'showModal:ok' } as never)
    backend = fakeBackend()
      .ok('users', 'me', buildStaffMe())
      .ok('moderation', 'list', paged([item()]))
      .ok('moderation', 'decide', item({ status: 'published', statusLabel: '已公开', decidedByName: '陈静' }))
    renderPage(Moderation, {}, '/packages/staff/pages/moderation/index')

    fireEvent.click(await screen.findByText('公开'))
    await waitFor(() => expect(backend.callsOf('moderation', 'decide')).toHaveLength(1))
    expect(backend.callsOf('moderation', 'decide')[0].data).toEqual({ itemId: 'ticket:t1', publish: true })
    expect(await screen.findByText('已公开', { selector: '.tag' })).toBeTruthy()
  })

  it('when staff choose 不予公开, then a reason is asked for and sent with the decision', async () => {
    backend = fakeBackend()
      .ok('users', 'me', buildStaffMe())
      .ok('moderation', 'list', paged([item()]))
      .ok('moderation', 'decide', item({ status: 'rejected', statusLabel: '不予公开', reason: '含不实信息' }))
    renderPage(Moderation, {}, '/packages/staff/pages/moderation/index')

    fireEvent.click(await screen.findByText('不予公开'))
    fireEvent.click(screen.getByText('确认不予公开'))
    // no reason yet: nothing is sent
    expect(backend.callsOf('moderation', 'decide')).toEqual([])
    typeInto(screen.getByLabelText('不予公开的理由'), '含不实信息')
    fireEvent.click(screen.getByText('确认不予公开'))
    await waitFor(() => expect(backend.callsOf('moderation', 'decide')).toHaveLength(1))
    expect(backend.callsOf('moderation', 'decide')[0].data).toEqual({ itemId: 'ticket:t1', publish: false, reason: '含不实信息' })
    expect(await screen.findByText('不予公开：含不实信息')).toBeTruthy()
  })
})
