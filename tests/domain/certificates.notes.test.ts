import { checkNoteDate, checkPeriod, durationText, todayOf, totalMinutes } from '../../cloudfunctions/_core/domain/certificates'

const NOW = new Date('2026-11-21T16:30:00.000Z') // already 22 November in Shanghai

describe('dates on a volunteer’s record', () => {
  it('today is the Shanghai date', () => {
    expect(todayOf(NOW)).toBe('2026-11-22')
  })

  it('a note may be dated today or earlier, not later', () => {
    expect(checkNoteDate('2026-11-22', NOW)).toBeNull()
    expect(checkNoteDate('2020-01-01', NOW)).toBeNull()
    expect(checkNoteDate('2026-11-23', NOW)).toEqual({ ok: false, code: 'RECORD.DATE_INVALID', message: expect.any(String) })
  })

  it('a period of one day, today, may be asked for', () => {
    expect(checkPeriod('2026-11-22', '2026-11-22', NOW)).toBeNull()
    expect(checkPeriod('2026-11-23', '2026-11-22', NOW)?.code).toBe('CERTIFICATE.PERIOD_INVALID')
  })
})

describe('the service total', () => {
  it('adds the minutes of every row, and is nothing for no rows', () => {
    expect(totalMinutes([{ minutes: 90 }, { minutes: 30 }, { minutes: 1 }])).toBe(121)
    expect(totalMinutes([])).toBe(0)
  })

  it('reads as hours and minutes, exactly', () => {
    expect(durationText(0)).toBe('0分钟')
    expect(durationText(40)).toBe('40分钟')
    expect(durationText(60)).toBe('1小时')
    expect(durationText(80)).toBe('1小时20分')
    expect(durationText(121)).toBe('2小时1分')
  })
})
