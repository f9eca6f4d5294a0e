import { act, fireEvent, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import Report from '../../src/pages/report/index'
import { OUTBOX_KEY } from '../../src/lib/outbox'
import { fakeBackend } from './support/fakeTransport'
import { buildPlace } from './support/factories'
import { renderPage } from './support/render'
import { buildSubmitted, categories, onTickets, ticketCalls, typeInto } from './support/tickets'

// Photos: the picker and the upload are the platform's; here a picked photo is a File and the upload follows the
// same network switch as the functions.
const mockNet = { online: true, uploads: 0 }
jest.mock('../../src/api/upload', () => ({
  pickPhotos: jest.fn(async () => [new File(['jpeg'], 'stairs.jpg', { type: 'image/jpeg' })]),
  uploadPhoto: jest.fn(async () => {
    mockNet.uploads++
    return mockNet.online
      ? { ok: true, fileID: `cloud://env/uploads/o-resident-1/stairs-${mockNet.uploads}.jpg` }
      : { ok: false, error: { code: 'NETWORK', message: '网络不太好，请稍后重试' } }
  }),
  photoSrc: (id: string) => id,
}))

const NETWORK = { ok: false as const, error: { code: 'NETWORK', message: '网络不太好，请稍后重试' } }

/** The stairwell AB12CD34 with a network that can drop: submit answers NETWORK while `mockNet.online` is false. */
function stairwell(code = 'AB12CD34') {
  const backend = fakeBackend().ok('places', 'resolveCode', buildPlace({ code }))
  onTickets(backend, 'categories', () => ({ ok: true, data: categories }))
  onTickets(backend, 'similar', () => ({ ok: true, data: [] }))
  onTickets(backend, 'submit', (input) =>
    mockNet.online ? { ok: true, data: buildSubmitted({ id: `t-${input.requestId}`, photos: input.photos ?? [] }) } : NETWORK,
  )
  return backend
}

const openReport = (code = 'AB12CD34') => renderPage(Report, { code }, '/pages/report/index')
const queued = () => Taro.getStorageSync(OUTBOX_KEY) as { requestId: string; status: string; photos: string[] }[] | ''
const networkBack = () => {
  mockNet.online = true
  act(() => void window.dispatchEvent(new Event('online')))
}

describe('report page without network', () => {
  let backend: ReturnType<typeof fakeBackend>
  beforeEach(() => {
    mockNet.online = true
    mockNet.uploads = 0
  })
  afterEach(() => {
    backend.restore()
    jest.restoreAllMocks()
    localStorage.clear()
  })

  it('when a resident leaves a half-filled form, then the same stairwell’s page restores it, and 重新填写 starts over', async () => {
    backend = stairwell()
    const first = openReport()
    fireEvent.click(await screen.findByText('设施报修'))
    typeInto(screen.getByLabelText('问题描述，可不填，最多500字'), '2楼灯不亮')
    first.unmount()

    openReport()
    expect(await screen.findByText('已恢复您上次在这里没填完的内容，可以接着填。')).toBeTruthy()
    // the category comes back once the categories are loaded, with its time limits
    expect(await screen.findByText('设施报修：一般4小时内受理，3天内办结')).toBeTruthy()
    expect(screen.getByText('5/500')).toBeTruthy()

    fireEvent.click(screen.getByText('重新填写'))
    expect(screen.getByText('0/500')).toBeTruthy()
    expect(screen.queryByText('设施报修：一般4小时内受理，3天内办结')).toBeNull()
    expect(screen.getByText('请先选择问题类型')).toBeTruthy()
    expect(Taro.getStorageSync('report.draft.AB12CD34')).toBe('')
  })

  it('when a draft was left at one stairwell, then another stairwell’s page starts empty', async () => {
    backend = stairwell()
    const first = openReport()
    fireEvent.click(await screen.findByText('设施报修'))
    first.unmount()
    backend.restore()

    backend = stairwell('EF56GH78')
    openReport('EF56GH78')
    await screen.findByText('设施报修')
    expect(screen.queryByText('已恢复您上次在这里没填完的内容，可以接着填。')).toBeNull()
    expect(screen.getByText('请先选择问题类型')).toBeTruthy()
  })

  it('when the submit finds no network, then the page says 已保存，有网络后自动提交 and the report waits on the phone under its request id', async () => {
    backend = stairwell()
    mockNet.online = false
    openReport()
    fireEvent.click(await screen.findByText('设施报修'))
    typeInto(screen.getByLabelText('问题描述，可不填，最多500字'), '2楼灯不亮')
    fireEvent.click(screen.getByText('提交'))

    expect(await screen.findByText('已保存，有网络后自动提交')).toBeTruthy()
    const [sent] = ticketCalls(backend, 'submit')
    expect(queued()).toMatchObject([{ requestId: sent.requestId, status: 'waiting', placeCode: 'AB12CD34', category: 'repair', text: '2楼灯不亮' }])
    // the form's draft moved into the outbox: reopening the stairwell does not offer it a second time
    expect(Taro.getStorageSync('report.draft.AB12CD34')).toBe('')
  })

  it('when the network comes back, then the queued report is sent once with the same request id and the page shows the confirmation', async () => {
    backend = stairwell()
    mockNet.online = false
    openReport()
    fireEvent.click(await screen.findByText('设施报修'))
    fireEvent.click(screen.getByText('提交'))
    await screen.findByText('已保存，有网络后自动提交')

    networkBack()

    expect(await screen.findByText('提交成功')).toBeTruthy()
    const sent = ticketCalls(backend, 'submit')
    expect(sent).toHaveLength(2)
    expect(sent[1].requestId).toBe(sent[0].requestId)
    expect(queued()).toBe('')
  })

  it('when the report page is opened again after the network is back, then the queued report is sent before anything else', async () => {
    backend = stairwell()
    mockNet.online = false
    const first = openReport()
    fireEvent.click(await screen.findByText('环境卫生'))
    fireEvent.click(screen.getByText('提交'))
    await screen.findByText('已保存，有网络后自动提交')
    first.unmount()

    mockNet.online = true
    openReport()

    await waitFor(() => expect(queued()).toBe(''))
    const sent = ticketCalls(backend, 'submit')
    expect(sent).toHaveLength(2)
    expect(sent[1]).toEqual(sent[0])
    // the new form is a new report
    expect(await screen.findByText('请先选择问题类型')).toBeTruthy()
  })

  it('when a photo cannot be uploaded for lack of network, then it is kept on the phone and uploaded before the report goes out', async () => {
    backend = stairwell()
    mockNet.online = false
    openReport()
    fireEvent.click(await screen.findByText('设施报修'))
    fireEvent.click(screen.getByLabelText('添加照片，还可以加6张'))
    expect(await screen.findByText('网络不好，照片先存在手机上，提交时自动上传。')).toBeTruthy()
    expect(screen.getByLabelText('照片第1张')).toBeTruthy()

    fireEvent.click(screen.getByText('提交'))
    await screen.findByText('已保存，有网络后自动提交')
    // no upload, no submit: the report waits with its local photo
    expect(ticketCalls(backend, 'submit')).toEqual([])
    expect(queued()).toMatchObject([{ status: 'waiting', photos: [expect.not.stringMatching(/^cloud:/)] }])

    networkBack()

    expect(await screen.findByText('提交成功')).toBeTruthy()
    expect(ticketCalls(backend, 'submit').map((s) => s.photos)).toEqual([['cloud://env/uploads/o-resident-1/stairs-3.jpg']])
  })

  it('when the submit names the grid member, then the confirmation promises them by name and the call button dials their phone', async () => {
    backend = stairwell()
    onTickets(backend, 'submit', () => ({ ok: true, data: buildSubmitted({ id: 't100', handler: { name: '张伟', phone: '13800000003' } }) }))
    const dial = jest.spyOn(Taro, 'makePhoneCall').mockResolvedValue({ errMsg: 'makePhoneCall:ok' } as never)
    openReport()
    fireEvent.click(await screen.findByText('设施报修'))
    fireEvent.click(screen.getByText('提交'))

    expect(await screen.findByText('您反映的“设施报修”问题已转给网格员张伟。')).toBeTruthy()
    expect(screen.getByText('着急的话，可以直接给网格员张伟打电话：13800000003')).toBeTruthy()
    fireEvent.click(screen.getByText('打电话给张伟'))
    expect(dial).toHaveBeenCalledWith({ phoneNumber: '13800000003' })
  })

  it('when the community hides the grid member’s contact, then no phone or call button is shown', async () => {
    backend = stairwell()
    // hideGridContact: the function answers no handler; the ticket's own view keeps the masked name
    onTickets(backend, 'submit', () => ({ ok: true, data: buildSubmitted({ id: 't100', handler: null, assignee: { openid: '', name: '张*' } }) }))
    openReport()
    fireEvent.click(await screen.findByText('设施报修'))
    fireEvent.click(screen.getByText('提交'))

    expect(await screen.findByText('您反映的“设施报修”问题已转给网格员张*。')).toBeTruthy()
    expect(screen.queryByText(/打电话/)).toBeNull()
    expect(screen.queryByText(/1380000/)).toBeNull()
  })
})
