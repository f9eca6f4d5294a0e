import { fireEvent, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import Certificates from '../../src/packages/volunteer/pages/certificates/index'
import IssueCertificates from '../../src/packages/volunteer/pages/issue/index'
import VerifyCertificate from '../../src/packages/volunteer/pages/verify/index'
import Record from '../../src/packages/volunteer/pages/record/index'
import type { CertificateCheckView, CertificateView, RecordNotesView, VolunteerRecordView } from '../../types'
import { buildMe, buildStaffMe } from './support/factories'
import { fakeBackend } from './support/fakeTransport'
import { renderPage } from './support/render'
import { typeInto } from './support/tickets'

const NUMBER = 'ZY-ABCD-EFGH-JKMN-PQRS'
const PDF = 'http://127.0.0.1:3000/files/private/certificates/c1/0123.pdf?expires=1&sig=ab'

const certificate = (over: Partial<CertificateView> = {}): CertificateView => ({
  id: 'vc1',
  communityId: 'c1',
  communityName: '幸福社区',
  openid: 'o-resident-1',
  name: '王秀英',
  from: '2026-01-01',
  to: '2026-11-22',
  purpose: '升学',
  status: 'requested',
  statusLabel: '待出具',
  requestedAt: '2026-11-22T01:00:00.000Z',
  service: { activities: 3, hours: 5.17, minutes: 310, training: 1, commendations: 0 },
  number: null,
  verifyUrl: null,
  issuedAt: null,
  issuerName: null,
  organisation: null,
  contact: null,
  declinedAt: null,
  declinedByName: null,
  declineReason: null,
  revokedAt: null,
  revokedByName: null,
  revokeReason: null,
  revokeNote: null,
  can: [],
  ...over,
})
const issuedOne = (over: Partial<CertificateView> = {}) =>
  certificate({
    status: 'issued',
    statusLabel: '已出具',
    number: NUMBER,
    verifyUrl: 'http://127.0.0.1:3000/v/ZYABCDEFGHJKMNPQRS',
    issuedAt: '2026-11-22T02:00:00.000Z',
    issuerName: '陈静',
    organisation: '幸福社区居民委员会',
    contact: '028-87654321',
    can: ['open'],
    ...over,
  })
const paged = (items: CertificateView[]) => ({ items, page: 1, pageSize: 20, total: items.length })

const check = (over: Partial<CertificateCheckView> = {}): CertificateCheckView => ({
  number: NUMBER,
  status: 'valid',
  statusLabel: '有效',
  volunteerName: '王**',
  nameMatches: null,
  from: '2026-01-01',
  to: '2026-11-22',
  activities: [{ date: '2026-03-08', place: '党群服务中心', content: '慰问独居老人', hours: 2, duration: '2小时' }],
  totalHours: 2,
  totalDuration: '2小时',
  training: [{ date: '2026-04-12', title: '应急救护培训', organisation: '区红十字会', hours: 4 }],
  commendations: [],
  organisation: '幸福社区居民委员会',
  issuerName: '陈静',
  contact: '028-87654321',
  issuedOn: '2026-11-22',
  revokedOn: null,
  revokeReason: null,
  ...over,
})

const modal = (confirm: boolean) => jest.spyOn(Taro, 'showModal').mockResolvedValue({ confirm, cancel: !confirm, errMsg: 'showModal:ok' } as never)
const resident = buildMe({ roles: [{ role: 'resident', communityId: 'c1', communityName: '幸福社区', streetId: 'st1', streetName: '锦江街道' }] })

let backend: ReturnType<typeof fakeBackend>
let opened: jest.SpyInstance
beforeEach(() => {
  opened = jest.spyOn(window, 'open').mockReturnValue(null)
  jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'ok' } as never)
})
afterEach(() => {
  backend.restore()
  jest.restoreAllMocks()
})

describe('the public verification page', () => {
  it('when opened from the QR’s link, then it checks the number without anyone signed in and says the certificate is valid with its facts', async () => {
    backend = fakeBackend().ok('volunteers', 'verifyCertificate', check())
    renderPage(VerifyCertificate, { q: encodeURIComponent('http://127.0.0.1:3000/v/ZYABCDEFGHJKMNPQRS') }, '/packages/volunteer/pages/verify/index')
    expect(await screen.findByText('✓ 证明有效')).toBeTruthy()
    expect(backend.callsOf('volunteers', 'verifyCertificate').map((c) => c.data)).toEqual([{ number: NUMBER }])
    expect(backend.callsOf('users', 'me')).toEqual([])
    for (const text of ['王**', '幸福社区居民委员会', '2026-03-08 · 2小时', '慰问独居老人', '2026-04-12 应急救护培训（区红十字会，4学时）', '028-87654321'])
      expect(screen.getByText(text)).toBeTruthy()
  })

  it('when the verifier types the name printed on the paper, then the page says whether it matches the certificate', async () => {
    backend = fakeBackend().on('volunteers', 'verifyCertificate', (input) => ({
      ok: true,
      data: check({ nameMatches: input.name ? input.name === '王秀英' : null }),
    }))
    renderPage(VerifyCertificate, { no: NUMBER }, '/packages/volunteer/pages/verify/index')
    await screen.findByText('✓ 证明有效')
    typeInto(screen.getByLabelText('证明上印的姓名'), '王秀英')
    fireEvent.click(screen.getByText('核对姓名'))
    expect(await screen.findByText('✓ 姓名与出具记录一致')).toBeTruthy()
    expect(backend.callsOf('volunteers', 'verifyCertificate').at(-1)?.data).toEqual({ number: NUMBER, name: '王秀英' })
  })

  it('when the certificate was revoked, then the page says so with the day and the reason', async () => {
    backend = fakeBackend().ok(
      'volunteers',
      'verifyCertificate',
      check({ status: 'revoked', statusLabel: '已作废', revokedOn: '2026-11-25', revokeReason: '服务记录已更正' }),
    )
    renderPage(VerifyCertificate, { no: NUMBER }, '/packages/volunteer/pages/verify/index')
    expect(await screen.findByText('✗ 证明已作废')).toBeTruthy()
    expect(screen.getByText('出具单位已于2026年11月25日作废这份证明，原因：服务记录已更正。它不再证明下列服务。')).toBeTruthy()
  })

  it('when the number is unknown, then the page says so in plain words and offers to type another', async () => {
    const message = '查无此证明编号：这份证明可能是伪造的，或编号有误。请核对证明上的编号，或联系出具单位核实'
    backend = fakeBackend().fail('volunteers', 'verifyCertificate', { code: 'CERTIFICATE.UNKNOWN_NUMBER', message })
    renderPage(VerifyCertificate, { no: NUMBER }, '/packages/volunteer/pages/verify/index')
    expect(await screen.findByText('✗ 查无此证明')).toBeTruthy()
    expect(screen.getByText(message)).toBeTruthy()
    expect(screen.getByText('核验另一份证明')).toBeTruthy()
  })

  it('when opened with no number, then a typed number is checked, and one that cannot be a number is not sent', async () => {
    backend = fakeBackend().ok('volunteers', 'verifyCertificate', check())
    renderPage(VerifyCertificate, {}, '/packages/volunteer/pages/verify/index')
    typeInto(screen.getByLabelText('证明编号'), '12345')
    fireEvent.click(screen.getByText('核验'))
    expect(backend.callsOf('volunteers', 'verifyCertificate')).toEqual([])
    typeInto(screen.getByLabelText('证明编号'), 'zy abcd efgh jkmn pqrs')
    fireEvent.click(screen.getByText('核验'))
    expect(await screen.findByText('✓ 证明有效')).toBeTruthy()
    expect(backend.callsOf('volunteers', 'verifyCertificate').map((c) => c.data)).toEqual([{ number: NUMBER }])
  })
})

describe('a volunteer asking for a certificate', () => {
  it('when last year is chosen and the request sent, then the period is last year’s and the request shows as waiting', async () => {
    const year = new Date().getFullYear() - 1
    backend = fakeBackend().ok('users', 'me', resident).ok('volunteers', 'certificates', paged([]))
    backend.on('volunteers', 'requestCertificate', (input) => {
      backend.ok('volunteers', 'certificates', paged([certificate({ from: input.from, to: input.to })]))
      return { ok: true, data: certificate({ from: input.from, to: input.to }) }
    })
    renderPage(Certificates, {}, '/packages/volunteer/pages/certificates/index')
    fireEvent.click(await screen.findByText(`去年（${year}年全年）`))
    typeInto(screen.getByLabelText('证明的用途，可不填'), '升学')
    fireEvent.click(screen.getByText('提交申请'))
    await waitFor(() => expect(backend.callsOf('volunteers', 'requestCertificate')).toHaveLength(1))
    expect(backend.callsOf('volunteers', 'requestCertificate')[0].data).toMatchObject({
      communityId: 'c1',
      from: `${year}-01-01`,
      to: `${year}-12-31`,
      purpose: '升学',
    })
    expect(await screen.findByText('待出具')).toBeTruthy()
    expect(screen.getByText(`${year}年1月1日 至 ${year}年12月31日`, { selector: '.list-item-title' })).toBeTruthy()
  })

  it('when the period holds no service, then the reason shows and nothing else changes', async () => {
    backend = fakeBackend().ok('users', 'me', resident).ok('volunteers', 'certificates', paged([]))
    backend.fail('volunteers', 'requestCertificate', { code: 'CERTIFICATE.NO_SERVICE', message: '这段时间没有已计入时长的志愿服务，无法出具证明' })
    renderPage(Certificates, {}, '/packages/volunteer/pages/certificates/index')
    fireEvent.click(await screen.findByText('提交申请'))
    expect(await screen.findByText('这段时间没有已计入时长的志愿服务，无法出具证明')).toBeTruthy()
    expect(screen.getByText('还没有申请过证明')).toBeTruthy()
  })

  it('when a custom period is typed wrong, then nothing is sent', async () => {
    backend = fakeBackend().ok('users', 'me', resident).ok('volunteers', 'certificates', paged([]))
    renderPage(Certificates, {}, '/packages/volunteer/pages/certificates/index')
    fireEvent.click(await screen.findByText('自己选择起止日期'))
    typeInto(screen.getByLabelText('开始日期，如 2026-01-01'), '2026-02-30')
    typeInto(screen.getByLabelText('结束日期，如 2026-06-30'), '2026-06-30')
    fireEvent.click(screen.getByText('提交申请'))
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '起止日期请写成 2026-01-01 这样' })))
    expect(backend.callsOf('volunteers', 'requestCertificate')).toEqual([])
  })

  it('when a certificate was issued, then its number shows and 打开证明 opens its PDF', async () => {
    backend = fakeBackend()
      .ok('users', 'me', resident)
      .ok('volunteers', 'certificates', paged([issuedOne()]))
    backend.ok('volunteers', 'certificateFile', { certificateId: 'vc1', number: NUMBER, url: PDF })
    renderPage(Certificates, {}, '/packages/volunteer/pages/certificates/index')
    expect(await screen.findByText(NUMBER)).toBeTruthy()
    fireEvent.click(screen.getByText('打开证明（PDF）'))
    await waitFor(() => expect(opened).toHaveBeenCalledWith(PDF, '_blank'))
  })

  it('when a request was declined or a certificate revoked, then the reason is there for the volunteer', async () => {
    backend = fakeBackend()
      .ok('users', 'me', resident)
      .ok(
        'volunteers',
        'certificates',
        paged([
          certificate({ id: 'a', status: 'declined', statusLabel: '未予出具', declineReason: '时长有误', declinedByName: '陈静' }),
          issuedOne({
            id: 'b',
            status: 'revoked',
            statusLabel: '已作废',
            can: [],
            revokedAt: '2026-11-25T02:00:00.000Z',
            revokeReason: '服务记录已更正',
            revokeNote: '5月1日改为1小时',
          }),
        ]),
      )
    renderPage(Certificates, {}, '/packages/volunteer/pages/certificates/index')
    expect(await screen.findByText('未予出具：时长有误（陈静）')).toBeTruthy()
    expect(screen.getByText(/作废：服务记录已更正。5月1日改为1小时。扫码核验会显示已作废/)).toBeTruthy()
    expect(screen.queryByText('打开证明（PDF）')).toBeNull()
  })
})

describe('an organiser issuing certificates', () => {
  const staff = buildStaffMe()
  const pending = certificate({ can: ['issue', 'decline'] })

  it('when the organiser confirms issuing, then the certificate is printed with the committee and the typed phone, and the PDF opens', async () => {
    backend = fakeBackend()
      .ok('users', 'me', staff)
      .ok('volunteers', 'certificates', paged([pending]))
    backend.ok('qrcodes', 'issueCertificate', { certificate: issuedOne({ can: ['open', 'revoke'] }), fileID: 'cloud://x', url: PDF, layout: 'regular' })
    modal(true)
    renderPage(IssueCertificates, { communityId: 'c1' }, '/packages/volunteer/pages/issue/index')
    expect(await screen.findByText('3 次服务，共 5.17 小时；培训 1 次')).toBeTruthy()
    typeInto(screen.getByLabelText('出具单位的联系电话'), '028-87654321')
    fireEvent.click(screen.getByText('出具王秀英的证明'))
    await waitFor(() => expect(opened).toHaveBeenCalledWith(PDF, '_blank'))
    expect(backend.callsOf('qrcodes', 'issueCertificate').map((c) => c.data)).toEqual([
      { certificateId: 'vc1', organisation: '幸福社区居民委员会', contact: '028-87654321' },
    ])
  })

  it('when no contact phone is given, then nothing is issued and the organiser is asked for it', async () => {
    backend = fakeBackend()
      .ok('users', 'me', staff)
      .ok('volunteers', 'certificates', paged([pending]))
    Taro.removeStorageSync('certificate-issuer:c1')
    const ask = modal(true)
    renderPage(IssueCertificates, { communityId: 'c1' }, '/packages/volunteer/pages/issue/index')
    fireEvent.click(await screen.findByText('出具王秀英的证明'))
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '请先填写出具单位和联系电话' })))
    expect(ask).not.toHaveBeenCalled()
    expect(backend.callsOf('qrcodes', 'issueCertificate')).toEqual([])
  })

  it('when the organiser declines with a reason, then the reason is sent', async () => {
    backend = fakeBackend()
      .ok('users', 'me', staff)
      .ok('volunteers', 'certificates', paged([pending]))
    backend.ok('volunteers', 'declineCertificate', certificate({ status: 'declined', statusLabel: '未予出具', declineReason: '时长有误' }))
    renderPage(IssueCertificates, { communityId: 'c1' }, '/packages/volunteer/pages/issue/index')
    fireEvent.click(await screen.findByText('不予出具'))
    typeInto(screen.getByLabelText('不予出具的原因'), '时长有误')
    fireEvent.click(screen.getByText('确认不予出具'))
    await waitFor(() => expect(backend.callsOf('volunteers', 'declineCertificate').map((c) => c.data)).toEqual([{ certificateId: 'vc1', reason: '时长有误' }]))
  })

  it('when revoking is not confirmed, then the certificate stays; when confirmed, it is revoked with the chosen reason', async () => {
    backend = fakeBackend()
      .ok('users', 'me', staff)
      .ok('volunteers', 'certificates', paged([issuedOne({ can: ['open', 'revoke'] })]))
    backend.ok('volunteers', 'revokeCertificate', issuedOne({ status: 'revoked', statusLabel: '已作废', can: [] }))
    renderPage(IssueCertificates, { communityId: 'c1' }, '/packages/volunteer/pages/issue/index')
    fireEvent.click(await screen.findByText('已处理'))
    fireEvent.click(await screen.findByText('作废证明'))
    fireEvent.click(screen.getByText('服务记录已更正'))
    const ask = modal(false)
    fireEvent.click(screen.getByText('确认作废'))
    await waitFor(() => expect(ask).toHaveBeenCalled())
    expect(ask.mock.calls[0][0]?.content).toContain('扫码核验会显示“已作废”和原因“服务记录已更正”')
    expect(backend.callsOf('volunteers', 'revokeCertificate')).toEqual([])
    modal(true)
    await waitFor(() => expect((screen.getByText('确认作废').closest('taro-button-core') as HTMLElement).getAttribute('disabled')).toBe('false'))
    fireEvent.click(screen.getByText('确认作废'))
    await waitFor(() =>
      expect(backend.callsOf('volunteers', 'revokeCertificate').map((c) => c.data)).toEqual([{ certificateId: 'vc1', reason: 'corrected', note: '' }]),
    )
  })
})

describe('training, commendations and evaluations on the record page', () => {
  const record: VolunteerRecordView = {
    openid: 'o-resident-1',
    name: '王秀英',
    communityId: 'c1',
    communityName: '幸福社区',
    totalHours: 2,
    activities: 1,
    years: [{ year: 2026, hours: 2, activities: 1 }],
    entries: [],
  }
  const notes = (over: Partial<RecordNotesView> = {}): RecordNotesView => ({
    openid: 'o-resident-1',
    name: '王秀英',
    communityId: 'c1',
    canEdit: false,
    training: [
      {
        id: 'n1',
        kind: 'training',
        kindLabel: '培训经历',
        date: '2026-04-12',
        title: '应急救护培训',
        organisation: '区红十字会',
        hours: 4,
        grade: null,
        gradeLabel: null,
        text: '',
        byName: '陈静',
        createdAt: '',
      },
    ],
    commendations: [],
    evaluations: [
      {
        id: 'n2',
        kind: 'evaluation',
        kindLabel: '组织评价',
        date: '2026-07-01',
        title: '',
        organisation: '',
        hours: null,
        grade: 'excellent',
        gradeLabel: '优秀',
        text: '服务认真',
        byName: '陈静',
        createdAt: '',
      },
    ],
    ...over,
  })

  it('when a volunteer opens their record, then their training and evaluations show, there is nothing to edit, and they can ask for a certificate', async () => {
    backend = fakeBackend().ok('users', 'me', resident).ok('volunteers', 'record', record).ok('volunteers', 'recordNotes', notes())
    renderPage(Record, { communityId: 'c1' }, '/packages/volunteer/pages/record/index')
    expect(await screen.findByText('应急救护培训（区红十字会，4学时）')).toBeTruthy()
    expect(screen.getByText('优秀：服务认真')).toBeTruthy()
    expect(screen.getAllByText('暂无')).toHaveLength(1)
    expect(screen.queryByText('删除')).toBeNull()
    expect(screen.getByText('申请志愿服务证明')).toBeTruthy()
  })

  it('when an organiser records a commendation on someone’s record, then it is sent with its fields and shows', async () => {
    backend = fakeBackend()
      .ok('users', 'me', buildStaffMe())
      .ok('volunteers', 'record', record)
      .ok('volunteers', 'recordNotes', notes({ canEdit: true }))
    backend.on('volunteers', 'addRecordNote', () => ({
      ok: true,
      data: notes({
        canEdit: true,
        commendations: [
          {
            id: 'n3',
            kind: 'commendation',
            kindLabel: '表彰奖励',
            date: '2026-06-30',
            title: '优秀志愿者',
            organisation: '春晖街道',
            hours: null,
            grade: null,
            gradeLabel: null,
            text: '',
            byName: '张社工',
            createdAt: '',
          },
        ],
      }),
    }))
    renderPage(Record, { communityId: 'c1', openid: 'o-resident-1' }, '/packages/volunteer/pages/record/index')
    fireEvent.click(await screen.findByText('表彰奖励', { selector: '.choice-label' }))
    typeInto(screen.getByLabelText('日期，如 2026-03-08'), '2026-06-30')
    typeInto(screen.getByLabelText('表彰名称'), '优秀志愿者')
    typeInto(screen.getByLabelText('授予单位'), '春晖街道')
    fireEvent.click(screen.getByText('保存表彰奖励'))
    expect(await screen.findByText('优秀志愿者（春晖街道）')).toBeTruthy()
    expect(backend.callsOf('volunteers', 'addRecordNote')[0].data).toMatchObject({
      communityId: 'c1',
      openid: 'o-resident-1',
      kind: 'commendation',
      date: '2026-06-30',
      title: '优秀志愿者',
      organisation: '春晖街道',
    })
    expect(screen.queryByText('申请志愿服务证明')).toBeNull()
  })
})
