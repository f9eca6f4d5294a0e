/** Phone numbers are shown masked everywhere but where a person must call: 13812345678 → 138****5678. */
export const maskPhone = (phone: string | null | undefined): string | null => {
  if (!phone) return null
  return phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****'
}

/** 王秀英 → 王** ; used where a resident's name is shown to other residents. */
export const maskName = (name: string): string => (name ? name[0] + '*'.repeat(Math.max(1, name.length - 1)) : '')
