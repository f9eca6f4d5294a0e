import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import Household from '../../src/packages/staff/pages/register/household'
import Bindings from '../../src/packages/staff/pages/bindings/index'
import { RegisterImport } from '../../src/packages/staff/pages/places/Tools'
import { OpenVoteForm } from '../../src/packages/council/components/StageForms'
import type { BindingRequestView, HouseholdDetail } from '../../types'
import { fakeBackend } from './support/fakeTransport'
import { buildStaffMe } from './support/factories'
import { renderPage } from './support/render'
import { typeInto } from './support/tickets'

const household = (over: Partial<HouseholdDetail> = {}): HouseholdDetail => ({
  id: 'h1',
  communityId: 'c1',
  buildingId: 'b3',
  unitId: 'u32',
  label: '3栋 2单元 101',
  room: '101',
  holderName: '李淑芬',
  phone: '139****0001',
  area: 88,
  ownerName: '李淑芬',
  ownership: 'owned',
  members: 2,
  adults: 1,
  bindCodeUntil: '2027-01-21T00:00:00.000Z',
  boundResidents: 0,
  people: [
    { id: 'm1', name: '李淑芬', relation: '户主', birth: '1968-02-03', adult: true, phone: '139****0001', boundTo: null },
    { id: 'm2', name: '王小宝', relation: '子女', birth: '2015-09-01', adult: false, phone: null, boundTo: null },
  ],
  owner: { id: 'o1', name: '李淑芬', kind: 'person', ref: 'O-LSF', units: ['3栋 2单元 101', '3栋 2单元 102', '3栋 2单元 201'], boundTo: null },
  ...over,
})

const modal = (confirm: boolean) => jest.spyOn(Taro, 'showModal').mockResolvedValue({ confirm, cancel: !confirm, errMsg: 'showModal:ok' } as never)

describe('a household of the register', () => {
  let backend: ReturnType<typeof fakeBackend>
  afterEach(() => {
    backend.restore()
    jest.restoreAllMocks()
  })

  it('when staff open it, then its people, who is a minor, and the owner with all their flats are shown', async () => {
    backend = fakeBackend().ok('places', 'household', household())
    renderPage(Household, { id: 'h1' }, '/packages/staff/pages/register/household')
    expect(await screen.findByText('李淑芬（户主）')).toBeTruthy()
    expect(screen.getByText(/2015-09-01生 · 未成年/)).toBeTruthy()
    expect(screen.getByText('名下房屋 3 套：3栋 2单元 101、3栋 2单元 102、3栋 2单元 201')).toBeTruthy()
    // the code itself is printed on the household's notice only, never shown on a page
    expect(screen.getByText('住户绑定码：已发放，2027-01-21前有效')).toBeTruthy()
  })

  it('when staff add a member, then saveMember gets what they typed and picked, and the page shows the answer', async () => {
    backend = fakeBackend()
      .ok('places', 'household', household())
      .on('places', 'saveMember', (input) => ({
        ok: true,
        data: household({
          people: [...household().people, { id: 'm3', name: input.name, relation: input.relation, birth: '1940', adult: true, phone: null, boundTo: null }],
        }),
      }))
    renderPage(Household, { id: 'h1' }, '/packages/staff/pages/register/household')
    fireEvent.click(await screen.findByText('新增家庭成员'))
    typeInto(screen.getByLabelText('姓名'), '李老太')
    fireEvent.click(screen.getByLabelText('父母'))
    typeInto(screen.getByLabelText('出生日期，如 1950-03-08，或出生年份 1950'), '1940')
    fireEvent.click(screen.getByText('保存'))
    await waitFor(() => expect(backend.callsOf('places', 'saveMember')).toHaveLength(1))
    expect(backend.callsOf('places', 'saveMember')[0].data).toEqual({ householdId: 'h1', name: '李老太', relation: '父母', birth: '1940', phone: null })
    expect(await screen.findByText('李老太（父母）')).toBeTruthy()
  })

  it('when staff cancel removing a member, then nothing is removed', async () => {
    const shown = modal(false)
    backend = fakeBackend().ok('places', 'household', household())
    renderPage(Household, { id: 'h1' }, '/packages/staff/pages/register/household')
    fireEvent.click((await screen.findAllByText('移出名册'))[1])
    await waitFor(() => expect(shown).toHaveBeenCalled())
    expect(backend.callsOf('places', 'removeMember')).toHaveLength(0)
  })

  it('when staff mark a flat unsold, then setOwner names the developer and sends no owner number', async () => {
    backend = fakeBackend()
      .ok('places', 'household', household())
      .on('places', 'setOwner', () => ({
        ok: true,
        data: household({ ownership: 'unsold', owner: { id: 'o9', name: '幸福置业', kind: 'developer', ref: null, units: ['3栋 2单元 101'], boundTo: null } }),
      }))
    renderPage(Household, { id: 'h1' }, '/packages/staff/pages/register/household')
    fireEvent.click(await screen.findByText('登记产权'))
    fireEvent.click(screen.getByLabelText('开发商未售'))
    typeInto(screen.getByLabelText('开发商名称'), '幸福置业')
    fireEvent.click(screen.getByText('保存'))
    await waitFor(() => expect(backend.callsOf('places', 'setOwner')).toHaveLength(1))
    expect(backend.callsOf('places', 'setOwner')[0].data).toEqual({ householdId: 'h1', area: 88, ownership: 'unsold', ownerName: '幸福置业', ownerRef: '' })
    expect(await screen.findByText(/开发商：幸福置业/)).toBeTruthy()
  })
})

describe('binding requests matched to the register', () => {
  let backend: ReturnType<typeof fakeBackend>
  afterEach(() => {
    backend.restore()
    jest.restoreAllMocks()
  })
  const request = (over: Partial<BindingRequestView> = {}): BindingRequestView => ({
    requestId: 'r1',
    name: '王小宝',
    householdId: 'h1',
    label: '3栋 2单元 101',
    holderName: '李淑芬',
    claim: 'member',
    bound: false,
    status: 'pending',
    createdAt: '2026-11-22T01:00:00.000Z',
    ...over,
  })

  it('when staff match a member claim to a person on the register, then decideBinding says which member', async () => {
    modal(true)
    backend = fakeBackend()
      .ok('users', 'me', buildStaffMe())
      .ok('users', 'listBindingRequests', { items: [request()], page: 1, pageSize: 20, total: 1 })
      .ok('places', 'household', household())
      .on('users', 'decideBinding', () => ({ ok: true, data: request({ status: 'approved' }) }))
    renderPage(Bindings, {}, '/packages/staff/pages/bindings/index')
    const told = jest.spyOn(Taro, 'showToast').mockImplementation((() => Promise.resolve()) as never)
    fireEvent.click(await screen.findByText('核对住户名册'))
    // approving without saying who the person is on the register is not sent
    await screen.findByLabelText('王小宝，子女 · 2015年生')
    fireEvent.click(screen.getByText('通过'))
    await waitFor(() => expect(told).toHaveBeenCalledWith(expect.objectContaining({ title: '请选择这位居民是哪位家庭成员' })))
    expect(backend.callsOf('users', 'decideBinding')).toHaveLength(0)
    fireEvent.click(screen.getByLabelText('王小宝，子女 · 2015年生'))
    fireEvent.click(screen.getByText('通过'))
    await waitFor(() => expect(backend.callsOf('users', 'decideBinding')).toHaveLength(1))
    expect(backend.callsOf('users', 'decideBinding')[0].data).toEqual({ requestId: 'r1', approve: true, memberId: 'm2' })
  })

  it('when staff confirm an owner claim, then decideBinding approves it as the registered owner', async () => {
    modal(true)
    backend = fakeBackend()
      .ok('users', 'me', buildStaffMe())
      .ok('users', 'listBindingRequests', { items: [request({ claim: 'owner', name: '李淑芬' })], page: 1, pageSize: 20, total: 1 })
      .ok('places', 'household', household())
      .on('users', 'decideBinding', () => ({ ok: true, data: request({ status: 'approved' }) }))
    renderPage(Bindings, {}, '/packages/staff/pages/bindings/index')
    expect(await screen.findByText('李淑芬 申请作为产权人绑定 3栋 2单元 101')).toBeTruthy()
    fireEvent.click(screen.getByText('核对住户名册'))
    expect(await screen.findByText('登记的产权人：李淑芬')).toBeTruthy()
    fireEvent.click(screen.getByText('通过'))
    await waitFor(() => expect(backend.callsOf('users', 'decideBinding')).toHaveLength(1))
    expect(backend.callsOf('users', 'decideBinding')[0].data).toEqual({ requestId: 'r1', approve: true })
  })
})

describe('opening a vote', () => {
  it('when the matter is an owners’ matter that rebuilds a facility, then the form offers only the owners’ roll and shows the three-quarters rule it must use', () => {
    const submitted = jest.fn()
    render(<OpenVoteForm stage='resolution' kind='art278_7' busy={false} onSubmit={submitted} onCancel={() => {}} />)
    expect(screen.getByText('业主重大事项（民法典第278条：双三分之二参与，双四分之三同意）')).toBeTruthy()
    expect(screen.queryByText('全体居民（按户籍登记）')).toBeNull()
    expect(screen.queryByText('计票单位')).toBeNull()
    fireEvent.click(screen.getByText('开始表决'))
    expect(submitted).toHaveBeenCalledWith({ rollKind: 'owners', unit: 'owner', secret: true, days: 7 })
  })

  it('when the matter is a community matter, then residents may vote per person or per household and the meeting rule is shown', () => {
    const submitted = jest.fn()
    render(<OpenVoteForm stage='resolution' kind='community' busy={false} onSubmit={submitted} onCancel={() => {}} />)
    expect(screen.getByText('会议表决（过半数参加，参加者过半数同意）')).toBeTruthy()
    fireEvent.click(screen.getByText('一户一票'))
    fireEvent.click(screen.getByText('开始表决'))
    expect(submitted).toHaveBeenCalledWith({ rollKind: 'residents', unit: 'household', secret: true, days: 7 })
  })
})

describe('importing the register in the mini-program', () => {
  let backend: ReturnType<typeof fakeBackend>
  const env = process.env.TARO_ENV
  afterEach(() => {
    process.env.TARO_ENV = env
    backend.restore()
    jest.restoreAllMocks()
  })

  it('when staff pick the Excel table they forwarded to themselves in WeChat, then it is uploaded and imported by its fileID, with warnings shown', async () => {
    process.env.TARO_ENV = 'weapp'
    const choose = jest
      .spyOn(Taro, 'chooseMessageFile')
      .mockResolvedValue({ tempFiles: [{ path: 'wxfile://tmp/名册.xlsx', name: '名册.xlsx', size: 100, type: 'file', time: 0 }], errMsg: 'ok' } as never)
    const upload = jest.fn().mockResolvedValue({ fileID: 'cloud://env.bucket/imports/x.xlsx' })
    ;(Taro as unknown as { cloud: unknown }).cloud = { uploadFile: upload }
    jest.spyOn(Taro, 'showLoading').mockImplementation((() => Promise.resolve()) as never)
    jest.spyOn(Taro, 'hideLoading').mockImplementation((() => Promise.resolve()) as never)
    backend = fakeBackend()
      .ok('users', 'me', buildStaffMe({ openid: 'wx-staff-1' }))
      .ok('sheets', 'importRegister', {
        buildings: 1,
        units: 2,
        households: 6,
        members: 6,
        owners: 3,
        warnings: ['王五 名下 2 套房屋按同一业主计（未填产权人编号）'],
      })
    render(<RegisterImport communityId='c1' onImported={() => {}} />)
    fireEvent.click(screen.getByText('从微信聊天中选择表格'))
    expect(await screen.findByText('导入成功：楼栋 1 栋，单元 2 个，住户 6 户，家庭成员 6 人，产权人 3 位')).toBeTruthy()
    // into the staff member's own folder: the functions accept only files the caller uploaded
    expect(choose).toHaveBeenCalledWith({ count: 1, type: 'file', extension: ['xlsx', 'csv'] })
    expect(upload).toHaveBeenCalledWith(
      expect.objectContaining({ filePath: 'wxfile://tmp/名册.xlsx', cloudPath: expect.stringMatching(/^uploads\/wx-staff-1\/\d{8}\/\w+\.xlsx$/) }),
    )
    expect(backend.callsOf('sheets', 'importRegister')[0].data).toEqual({ communityId: 'c1', fileID: 'cloud://env.bucket/imports/x.xlsx' })
    expect(screen.getByText('请核对：王五 名下 2 套房屋按同一业主计（未填产权人编号）')).toBeTruthy()
    expect(screen.queryByText(/请在电脑浏览器中打开/)).toBeNull()
  })
})

describe('WeChat’s privacy authorization', () => {
  const env = process.env.TARO_ENV
  afterEach(() => {
    process.env.TARO_ENV = env
    jest.restoreAllMocks()
  })

  it('when WeChat asks before the first photo, then the prompt links the guide, and declining answers disagree so the photo is not taken', async () => {
    process.env.TARO_ENV = 'weapp'
    let ask: ((resolve: (r: unknown) => void) => void) | null = null
    jest.spyOn(Taro, 'onNeedPrivacyAuthorization').mockImplementation(((fn: typeof ask) => void (ask = fn)) as never)
    const { PrivacyPrompt } = await import('../../src/components/PrivacyPrompt')
    render(<PrivacyPrompt />)
    const answers: unknown[] = []
    await waitFor(() => expect(ask).not.toBeNull())
    ask!((r) => answers.push(r))
    expect(await screen.findByText('使用照片、文件和扫码前，请阅读隐私保护指引')).toBeTruthy()
    expect(screen.getByText('查看《隐私保护指引》')).toBeTruthy()
    fireEvent.click(screen.getByText('不同意'))
    expect(answers).toEqual([{ event: 'exposureAuthorization' }, { event: 'disagree' }])
    await waitFor(() => expect(screen.queryByText('使用照片、文件和扫码前，请阅读隐私保护指引')).toBeNull())
  })
})
