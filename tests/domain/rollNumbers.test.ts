import { ballotNo, numberRoll, seqOf } from '../../cloudfunctions/_core/domain/rollNumbers'

describe('roll numbers', () => {
  it('numbers entries in the order the roll is listed: by place order, then label, then key, as the database sorts text', () => {
    const numbered = numberRoll([
      { key: 'c', label: '王五（2栋 1单元 101）', order: '000002|2栋|000001|0000000101' },
      { key: 'b', label: '李四（1栋 1单元 101）', order: '000001|1栋|000001|0000000101' },
      { key: 'a', label: '张三（1栋 1单元 101）', order: '000001|1栋|000001|0000000101' },
      { key: 'z', label: 'Zhang（1栋 1单元 101）', order: '000001|1栋|000001|0000000101' },
    ])
    // 'Z' sorts before any hanzi by code point, as the database would order it
    expect(numbered.map((e) => [e.key, e.seq])).toEqual([
      ['z', 1],
      ['a', 2],
      ['b', 3],
      ['c', 4],
    ])
  })

  it('numbers the same roll the same way whatever order it was read in', () => {
    const roll = Array.from({ length: 50 }, (_, i) => ({ key: `k${i}`, label: `居民${i % 7}`, order: `o${i % 5}` }))
    const once = numberRoll(roll).map((e) => `${e.key}:${e.seq}`)
    expect(numberRoll([...roll].reverse()).map((e) => `${e.key}:${e.seq}`)).toEqual(once)
  })

  it('pads printed numbers to the width of the roll, never to fewer than three digits', () => {
    expect(ballotNo(7, 291)).toBe('007')
    expect(ballotNo(7, 12)).toBe('007')
    expect(ballotNo(42, 3000)).toBe('0042')
    expect(ballotNo(12345, 12345)).toBe('12345')
  })

  it('reads a number back as staff type it from a ballot, and nothing else', () => {
    expect([seqOf('0042'), seqOf('42'), seqOf('No.42'), seqOf('no 42'), seqOf('#42'), seqOf('第42号'), seqOf(' 042 ')]).toEqual([42, 42, 42, 42, 42, 42, 42])
    expect([seqOf('0'), seqOf('王秀英'), seqOf('3栋'), seqOf('1单元301'), seqOf('')]).toEqual([null, null, null, null, null])
  })
})
