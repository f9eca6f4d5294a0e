import { capacity } from '../../cloudfunctions/_core/domain/certificates'
import { CERTIFICATE_QR } from '../../cloudfunctions/qrcodes/certificate'
import { crop, pdfInfo, pdfText, rasterize, readPng, requireTool, writePgm, zbar } from '../qr/pdf-tools'
import { P, XINGFU, as, ok, useWorld } from '../support/world'
import { rid } from '../support/requestIds'
import { asked, issued, served, withPdf } from './certificates.helpers'

const world = useWorld()

beforeAll(() => ['pdftoppm', 'pdftotext', 'pdfinfo', 'zbarimg'].forEach(requireTool))

/** Text of the page with all runs of white space made one space (table cells come out in reading order). */
const textOf = (pdf: string) => pdfText(pdf).replace(/\s+/g, ' ')

describe('the printed certificate', () => {
  it('when a certificate is issued, then it is one A4 page whose text states every field the 办法 asks for and whose QR a real decoder reads as its verification link', async () => {
    await served(P.resident, [
      { date: '2026-03-08', minutes: 120, title: '慰问独居老人', place: '党群服务中心' },
      { date: '2026-05-01', minutes: 100, title: '楼道清扫', place: '3栋1单元' },
      { date: '2026-09-10', minutes: 90, wish: true, title: '换灯泡', description: '', place: '2栋' },
    ])
    const note = { communityId: XINGFU, openid: P.resident }
    ok(
      await as(P.staff)('volunteers', 'addRecordNote', {
        ...note,
        requestId: rid(),
        kind: 'training',
        date: '2026-04-12',
        title: '应急救护培训',
        organisation: '锦江区红十字会',
        hours: 4,
      }),
    )
    ok(
      await as(P.staff)('volunteers', 'addRecordNote', {
        ...note,
        requestId: rid(),
        kind: 'commendation',
        date: '2026-06-30',
        title: '优秀志愿者',
        organisation: '春晖街道',
      }),
    )
    ok(
      await as(P.staff)('volunteers', 'addRecordNote', {
        ...note,
        requestId: rid(),
        kind: 'evaluation',
        date: '2026-07-01',
        grade: 'excellent',
        text: '服务认真，深受老人信任',
      }),
    )
    const result = await issued((await asked('2026-01-01', '2026-11-22')).id)
    expect(result.layout).toBe('regular')
    const number = result.certificate.number!

    await withPdf(world.stored(result.fileID)!, (pdf, dir) => {
      const info = pdfInfo(pdf)
      expect(info.Pages).toBe('1')
      expect(info['Page size']).toMatch(/^595\.2\d? x 841\.8\d? pts \(A4\)/)

      const text = textOf(pdf)
      const required = [
        '志愿服务证明',
        `证明编号：${number}`,
        '王秀英',
        '联系电话：138****0001',
        '2026年1月1日至2026年11月22日',
        '幸福社区',
        // each service: date, place, content, hours
        '2026-03-08',
        '党群服务中心',
        '慰问独居老人',
        '2小时',
        '2026-05-01',
        '3栋1单元',
        '楼道清扫',
        '1小时40分',
        '2026-09-10',
        '2栋',
        '换灯泡',
        '1小时30分',
        // the total, as the record counts it
        '累计服务时长5.17小时（5小时10分）',
        '合计：3次，5.17小时（5小时10分）',
        // training and commendations
        '培训经历',
        '2026-04-12',
        '应急救护培训（锦江区红十字会，4学时）',
        '表彰奖励',
        '2026-06-30',
        '优秀志愿者（春晖街道）',
        // who issued it, how to reach them, when
        '出具单位：幸福社区居民委员会（盖章）',
        '经办人：陈静',
        '联系电话：028-87654321',
        '出具日期：2026年11月22日',
        `核验网址：${result.certificate.verifyUrl}`,
      ]
      for (const field of required) expect({ field, found: text.includes(field) }).toEqual({ field, found: true })
      // the phone in full and the organisers' evaluation stay off the paper
      expect(text).not.toContain('13800000001')
      expect(text).not.toContain('服务认真')

      const [page] = rasterize(pdf, dir)
      expect(zbar(page)).toEqual([result.certificate.verifyUrl])
      // and the symbol alone, cropped with its quiet zone, decodes too (nothing else of the page helps or hinders)
      const margin = 14
      const qrOnly = crop(readPng(page), {
        x: CERTIFICATE_QR.x - margin,
        y: CERTIFICATE_QR.y - margin,
        width: CERTIFICATE_QR.width + 2 * margin,
        height: CERTIFICATE_QR.height + 2 * margin,
      })
      const pgm = `${dir}/qr.pgm`
      writePgm(qrOnly, pgm)
      expect(zbar(pgm)).toEqual([result.certificate.verifyUrl])
    })
  })

  it('when the period holds more services than regular rows fit, then they print in two columns of smaller rows on the one page, every one of them', async () => {
    const n = capacity(0, 0).regular + 10
    const days = Array.from({ length: n }, (_, i) => `2026-${String(1 + Math.floor(i / 28)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`)
    await served(
      P.resident,
      days.map((date) => ({ date, minutes: 45, title: '周末巡楼', place: '幸福社区' })),
    )
    const result = await issued((await asked('2026-01-01', '2026-11-22')).id)
    expect(result.layout).toBe('compact')
    await withPdf(world.stored(result.fileID)!, (pdf, dir) => {
      expect(pdfInfo(pdf).Pages).toBe('1')
      const text = textOf(pdf)
      for (const date of days) expect(text).toContain(date)
      const minutes = n * 45
      expect(text).toContain(
        `合计：${n}次，${Math.round((minutes / 60) * 100) / 100}小时${minutes % 60 ? `（${Math.floor(minutes / 60)}小时${minutes % 60}分）` : ''}`,
      )
      expect(text).toContain('培训经历：无')
      expect(text).toContain('表彰奖励：无')
      const [page] = rasterize(pdf, dir)
      expect(zbar(page)).toEqual([result.certificate.verifyUrl])
    })
  })
})
