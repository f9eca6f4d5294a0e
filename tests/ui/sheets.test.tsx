import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { RegisterImport } from '../../src/packages/staff/pages/places/Tools'
import StaffTickets from '../../src/packages/staff/pages/tickets/index'
import VolunteerRecord from '../../src/packages/volunteer/pages/record/index'
import { VoteCard } from '../../src/packages/council/components/VoteCard'
import type { SheetFile, VoteView } from '../../types'
import { fakeBackend } from './support/fakeTransport'
import { buildStaffMe, buildTree } from './support/factories'
import { renderPage } from './support/render'
import { buildSummary, categories, onTickets } from './support/tickets'

const FILE: SheetFile = {
  fileID: 'cloud://env.bucket/private/exports/c1/a.xlsx',
  url: 'https://tmp.example/a.xlsx?sign=1',
  filename: '报事列表-幸福社区-20261122.xlsx',
  rows: 2,
}
const ISSUES = [{ path: 'sheet:住户名册:line:3', message: '工作表“住户名册”第3行：房号只能是数字、字母或短横线，最多10位' }]

/** WeChat's side of a download and of opening a document, recorded. */
function weapp() {
  process.env.TARO_ENV = 'weapp'
  const T = Taro as unknown as { env?: { USER_DATA_PATH?: string } }
  T.env = { ...(T.env ?? {}), USER_DATA_PATH: 'wxfile://usr' }
  jest.spyOn(Taro, 'showLoading').mockImplementation((() => Promise.resolve()) as never)
  jest.spyOn(Taro, 'hideLoading').mockImplementation((() => Promise.resolve()) as never)
  const download = jest
    .spyOn(Taro, 'downloadFile')
    .mockImplementation(((o: { filePath: string }) => Promise.resolve({ statusCode: 200, tempFilePath: 'wxfile://tmp/x', filePath: o.filePath })) as never)
  const open = jest.spyOn(Taro, 'openDocument').mockResolvedValue({ errMsg: 'ok' } as never)
  return { download, open }
}

/** The browser's side: the file the person picks in the file dialog, and the links clicked to download. */
function browser(file: File | null) {
  process.env.TARO_ENV = 'h5'
  jest.spyOn(HTMLInputElement.prototype, 'click').mockImplementation(function (this: HTMLInputElement) {
    Object.defineProperty(this, 'files', { value: file ? [file] : [] })
    this.onchange?.(new Event('change'))
  })
  const clicked: { href: string; download: string }[] = []
  jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    clicked.push({ href: this.href, download: this.download })
  })
  return clicked
}

describe('importing the register', () => {
  let backend: ReturnType<typeof fakeBackend>
  const env = process.env.TARO_ENV
  const fetchBefore = global.fetch
  afterEach(() => {
    process.env.TARO_ENV = env
    global.fetch = fetchBefore
    backend.restore()
    jest.restoreAllMocks()
  })

  it('when staff pick a table of more than 8 MB in WeChat, then it is refused before anything is uploaded', async () => {
    weapp()
    jest.spyOn(Taro, 'chooseMessageFile').mockResolvedValue({
      tempFiles: [{ path: 'wxfile://tmp/big.xlsx', name: '名册.xlsx', size: 9 * 1024 * 1024, type: 'file', time: 0 }],
      errMsg: 'ok',
    } as never)
    const upload = jest.fn()
    ;(Taro as unknown as { cloud: unknown }).cloud = { uploadFile: upload }
    backend = fakeBackend().ok('users', 'me', buildStaffMe())
    render(<RegisterImport communityId='c1' onImported={() => {}} />)
    fireEvent.click(screen.getByText('从微信聊天中选择表格'))
    expect(await screen.findByText('文件超过8MB，请分批导入')).toBeTruthy()
    expect(upload).not.toHaveBeenCalled()
    expect(backend.callsOf('sheets', 'importRegister')).toEqual([])
  })

  it('when staff pick a GBK CSV in the browser, then it is uploaded as text/csv and imported, and bad rows are listed by sheet and line', async () => {
    browser(new File([new Uint8Array([0xc2, 0xa5, 0xb6, 0xb0])], '名册.csv', { type: 'application/vnd.ms-excel' }))
    const fetched = jest
      .fn()
      .mockResolvedValue({ json: async () => ({ ok: true, data: { fileID: 'cloud://local.local-bucket/uploads/o-staff-1/20261122/f.csv' } }) })
    global.fetch = fetched as never
    backend = fakeBackend().fail('sheets', 'importRegister', {
      code: 'IMPORT.INVALID_ROWS',
      message: '导入文件中有错误，已全部取消导入，请按提示修改后重试',
      issues: ISSUES,
    })
    render(<RegisterImport communityId='c1' onImported={() => {}} />)
    fireEvent.click(screen.getByText('选择表格文件导入'))
    expect(await screen.findByText(ISSUES[0].message)).toBeTruthy()
    expect(fetched).toHaveBeenCalledWith(
      expect.stringMatching(/\/api\/upload$/),
      expect.objectContaining({ method: 'POST', headers: expect.objectContaining({ 'content-type': 'text/csv' }) }),
    )
    expect(backend.callsOf('sheets', 'importRegister').map((c) => c.data)).toEqual([
      { communityId: 'c1', fileID: 'cloud://local.local-bucket/uploads/o-staff-1/20261122/f.csv' },
    ])
  })

  it('when staff pick a file that is not a table, then they are told which kinds are read, and nothing is uploaded', async () => {
    browser(new File(['x'], '照片.jpg', { type: 'image/jpeg' }))
    const fetched = jest.fn()
    global.fetch = fetched as never
    backend = fakeBackend()
    render(<RegisterImport communityId='c1' onImported={() => {}} />)
    fireEvent.click(screen.getByText('选择表格文件导入'))
    expect(await screen.findByText('请选择 Excel（.xlsx）或 CSV 格式的表格')).toBeTruthy()
    expect(fetched).not.toHaveBeenCalled()
  })

  it('when staff download the template in WeChat, then the workbook is downloaded under its name and opened as xlsx with the forward menu', async () => {
    const { download, open } = weapp()
    const template = { ...FILE, filename: '住户名册导入模板-幸福社区-20261122.xlsx' }
    backend = fakeBackend().ok('sheets', 'registerTemplate', template)
    render(<RegisterImport communityId='c1' onImported={() => {}} />)
    fireEvent.click(screen.getByText('下载导入模板（Excel）'))
    await waitFor(() =>
      expect(open).toHaveBeenCalledWith({ filePath: 'wxfile://usr/住户名册导入模板-幸福社区-20261122.xlsx', fileType: 'xlsx', showMenu: true }),
    )
    expect(download).toHaveBeenCalledWith({ url: template.url, filePath: 'wxfile://usr/住户名册导入模板-幸福社区-20261122.xlsx' })
    expect(backend.callsOf('sheets', 'registerTemplate').map((c) => c.data)).toEqual([{ communityId: 'c1' }])
    expect(screen.queryByText(/请在电脑浏览器中打开/)).toBeNull()
  })
})

describe('exports', () => {
  let backend: ReturnType<typeof fakeBackend>
  const env = process.env.TARO_ENV
  beforeEach(() => Taro.clearStorageSync())
  afterEach(() => {
    process.env.TARO_ENV = env
    backend.restore()
    jest.restoreAllMocks()
  })

  it('when staff filter the ticket list and export it in a browser, then the export has the same filters and the workbook downloads', async () => {
    const clicked = browser(null)
    backend = fakeBackend().ok('users', 'me', buildStaffMe()).ok('places', 'tree', buildTree()).ok('sheets', 'exportTickets', FILE)
    onTickets(backend, 'categories', () => ({ ok: true, data: categories }))
    onTickets(backend, 'list', () => ({ ok: true, data: { items: [buildSummary({ id: 't1', excerpt: '灯坏了' })], page: 1, pageSize: 20, total: 1 } }))
    renderPage(StaffTickets, {}, '/packages/staff/pages/tickets/index')
    await screen.findByText('灯坏了')
    fireEvent.click(screen.getByText('导出全部报事（Excel）'))
    await waitFor(() => expect(clicked).toHaveLength(1))
    fireEvent.click(screen.getByText(/^筛选/))
    fireEvent.click(screen.getByLabelText('只看超时'))
    fireEvent.click(await screen.findByText('按当前筛选导出 Excel'))
    await waitFor(() => expect(backend.callsOf('sheets', 'exportTickets')).toHaveLength(2))
    expect(backend.callsOf('sheets', 'exportTickets').map((c) => c.data)).toEqual([{ communityId: 'c1' }, { communityId: 'c1', overdue: true }])
    await waitFor(() => expect(clicked).toHaveLength(2))
    expect(clicked[0]).toEqual({ href: FILE.url, download: FILE.filename })
  })

  it('when an organiser exports a year of volunteer records in WeChat, then the workbook opens as xlsx', async () => {
    const { open } = weapp()
    const file = { ...FILE, filename: '志愿服务记录-幸福社区-2026年-20261122.xlsx' }
    backend = fakeBackend()
      .ok(
        'users',
        'me',
        buildStaffMe({ roles: [{ role: 'community_staff', communityId: 'c1', communityName: '幸福社区', streetId: 'st1', streetName: '锦江街道' }] }),
      )
      .ok('volunteers', 'record', {
        openid: 'o-staff-1',
        name: '张社工',
        communityId: 'c1',
        communityName: '幸福社区',
        totalHours: 0,
        activities: 0,
        years: [],
        entries: [],
      })
      .ok('sheets', 'exportVolunteers', file)
    renderPage(VolunteerRecord, { communityId: 'c1' }, '/packages/volunteer/pages/record/index')
    const year = new Date().getFullYear()
    fireEvent.click(await screen.findByText(`导出${year}年全社区记录`))
    await waitFor(() => expect(open).toHaveBeenCalledWith({ filePath: `wxfile://usr/${file.filename}`, fileType: 'xlsx', showMenu: true }))
    expect(backend.callsOf('sheets', 'exportVolunteers').map((c) => c.data)).toEqual([{ communityId: 'c1', year }])
  })

  it('when an organiser exports a vote, then its roll and result are exported; a resident has no such button', async () => {
    const { open } = weapp()
    backend = fakeBackend().ok('sheets', 'exportVote', { ...FILE, filename: '表决名单与结果-3栋加装电梯-20261122.xlsx' })
    const v: VoteView = {
      id: 'v1',
      stage: 'resolution',
      rollKind: 'residents',
      rollKindLabel: '全体居民',
      unit: 'person',
      unitLabel: '一人一票',
      rule: 'meeting',
      ruleLabel: '会议表决',
      secret: true,
      choices: [{ id: 'for', label: '同意' }],
      opensAt: '2026-11-22T01:00:00.000Z',
      closesAt: '2026-11-29T01:00:00.000Z',
      status: 'closed',
      unitNoun: '人',
      basis: [],
      rollCount: 2,
      rollArea: 0,
      turnout: 1,
      tally: null,
      result: null,
      me: { onRoll: false, voted: false, votedBy: null, channel: null, choice: null, as: [] },
    }
    const { unmount } = render(<VoteCard v={v} busy={false} organiser={false} onCast={() => {}} onClose={() => {}} />)
    expect(screen.queryByText('导出名单和计票结果（Excel）')).toBeNull()
    unmount()
    render(<VoteCard v={v} busy={false} organiser onCast={() => {}} onClose={() => {}} />)
    fireEvent.click(screen.getByText('导出名单和计票结果（Excel）'))
    await waitFor(() => expect(open).toHaveBeenCalledWith(expect.objectContaining({ fileType: 'xlsx', showMenu: true })))
    expect(backend.callsOf('sheets', 'exportVote').map((c) => c.data)).toEqual([{ voteId: 'v1' }])
  })
})
