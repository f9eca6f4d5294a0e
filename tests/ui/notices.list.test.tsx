import { fireEvent, screen, within } from '@testing-library/react'
import NoticeList from '../../src/packages/notice/pages/list/index'
import type { MeView, NoticeSummary } from '../../types'
import { fakeBackend } from './support/fakeTransport'
import { buildMe } from './support/factories'
import { renderPage } from './support/render'

const notice = (i: number): NoticeSummary => ({
  id: `n${i}`,
  kind: 'general',
  kindLabel: '通知',
  title: `公告${i}`,
  excerpt: '正文',
  pinned: false,
  audienceLabel: '全社区',
  publishedAt: '2026-11-20T02:00:00.000Z',
  expiresAt: null,
  publishedBy: '社区居委会',
  unread: false,
  readers: null,
})
const resident: MeView = buildMe({
  roles: [{ role: 'resident', communityId: 'c1', communityName: '幸福社区', streetId: 'st1', streetName: '锦江街道' }],
  households: [{ householdId: 'h502', communityId: 'c1', communityName: '幸福社区', buildingName: '4栋', unitName: '2单元', room: '502' }],
})

describe('notice list for a resident, whose pages state no total', () => {
  let backend: ReturnType<typeof fakeBackend>
  afterEach(() => backend.restore())

  it('when more follow, then it says how many are shown and offers 加载更多; after the last page it says that is all', async () => {
    backend = fakeBackend()
      .ok('users', 'me', resident)
      .on('notices', 'list', ({ page = 1 }) =>
        page === 1
          ? { ok: true, data: { items: Array.from({ length: 20 }, (_, i) => notice(i)), page: 1, pageSize: 20, more: true } }
          : { ok: true, data: { items: [notice(20), notice(21)], page: 2, pageSize: 20, more: false } },
      )
    renderPage(NoticeList, { communityId: 'c1' }, '/packages/notice/pages/list/index')

    expect(await screen.findByText('已显示 20 条')).toBeTruthy()
    expect(screen.queryByText(/^共/)).toBeNull()
    fireEvent.click(screen.getByText('加载更多'))
    expect(await screen.findByText('共 22 条，已全部显示')).toBeTruthy()
    expect(screen.queryByText('加载更多')).toBeNull()
    expect(screen.getByText('公告21')).toBeTruthy()
    expect(backend.callsOf('notices', 'list').map((c) => (c.data as { page: number }).page)).toEqual([1, 2])
  })

  it('when staff get a counted page, then it states the total as before', async () => {
    const staff = buildMe({ roles: [{ role: 'community_staff', communityId: 'c1', communityName: '幸福社区', streetId: 'st1', streetName: '锦江街道' }] })
    backend = fakeBackend()
      .ok('users', 'me', staff)
      .ok('notices', 'list', { items: [notice(1), notice(2)], page: 1, pageSize: 20, total: 45 })
    renderPage(NoticeList, { communityId: 'c1' }, '/packages/notice/pages/list/index')

    const footer = await screen.findByText('共 45 条，已显示 2 条')
    expect(within(footer.parentElement as HTMLElement).getByText('加载更多')).toBeTruthy()
  })
})
