import { numberRoll, seqOf } from '../../cloudfunctions/_core/domain/rollNumbers'

describe('roll numbers at the edges', () => {
  it('lists entries without a place order first, by label, and keeps their own fields', () => {
    const numbered = numberRoll([
      { key: 'b', label: '乙', order: '1' },
      { key: 'a', label: '甲' },
      { key: 'c', label: 'A' },
    ])
    expect(numbered).toEqual([
      { key: 'c', label: 'A', seq: 1 },
      { key: 'a', label: '甲', seq: 2 },
      { key: 'b', label: '乙', order: '1', seq: 3 },
    ])
  })

  it('orders by the key only when order and label are the same, either way round', () => {
    expect(
      numberRoll([
        { key: 'y', label: 'L', order: 'o' },
        { key: 'x', label: 'L', order: 'o' },
      ]).map((e) => e.key),
    ).toEqual(['x', 'y'])
    expect(
      numberRoll([
        { key: 'x', label: 'L', order: 'o' },
        { key: 'y', label: 'L', order: 'o' },
      ]).map((e) => e.key),
    ).toEqual(['x', 'y'])
    expect(
      numberRoll([
        { key: 'a', label: 'M', order: 'o' },
        { key: 'b', label: 'L', order: 'o' },
      ]).map((e) => e.key),
    ).toEqual(['b', 'a'])
  })

  it('does not change the roll it was given', () => {
    const roll = [
      { key: 'b', label: 'B' },
      { key: 'a', label: 'A' },
    ]
    numberRoll(roll)
    expect(roll.map((e) => e.key)).toEqual(['b', 'a'])
  })

  it('reads at most six digits, a 号 after them, and no sign or other word', () => {
    expect(seqOf('999999')).toBe(999_999)
    expect(seqOf('1234567')).toBeNull()
    expect(seqOf('42号')).toBe(42)
    expect(seqOf('NO.7')).toBe(7)
    expect(seqOf('-42')).toBeNull()
    expect(seqOf('42a')).toBeNull()
    expect(seqOf('a42')).toBeNull()
    expect(seqOf('000')).toBeNull()
    expect(seqOf('0001')).toBe(1)
  })
})
