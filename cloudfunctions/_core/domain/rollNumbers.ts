/**
 * The numbers of a roll's entries: what staff print on each paper ballot and on the sign-in sheet, and what they type
 * to find the entry when the ballot comes back. Fixed when the roll is drawn, so a reprint carries the same numbers.
 */

const byCodePoint = (a = '', b = '') => (a < b ? -1 : a > b ? 1 : 0)

/**
 * Entries numbered 1… in the order the roll is listed (building, unit, room, then name: `order`, then `label`, as the
 * database sorts strings — by code point —, then `key` so ties cannot swap between two drawings).
 */
export function numberRoll<T extends { order?: string; label: string; key: string }>(entries: readonly T[]): (T & { seq: number })[] {
  return [...entries]
    .sort((a, b) => byCodePoint(a.order, b.order) || byCodePoint(a.label, b.label) || byCodePoint(a.key, b.key))
    .map((e, i) => ({ ...e, seq: i + 1 }))
}

/** "0042": the number as printed, padded to the roll's width and never shorter than three digits, so columns line up. */
export const ballotNo = (seq: number, rollCount: number): string => String(seq).padStart(Math.max(3, String(rollCount).length), '0')

/** A number typed to find an entry ("42", "0042", "No.42", "第42号") → 42; null when the text is not a number. */
export function seqOf(text: string): number | null {
  const m = /^(?:no\.?|#|第)?\s*0*(\d{1,6})\s*号?$/i.exec(text.trim())
  if (!m) return null
  const n = Number(m[1])
  return n >= 1 ? n : null
}
