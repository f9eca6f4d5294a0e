import { ROLE_LABELS } from '../../../../types/roles'
import type { Role } from '../../../../types/roles'

/** "11月22日 09:00" Beijing time (the year too when it is not this year). */
export { formatTime as when } from '../../../components/format'

export const roleLabel = (r: Role | 'system') => (r === 'system' ? '系统' : ROLE_LABELS[r])

export const OUTCOME_LABELS = { agreed: '同意', rejected: '不同意', withdrawn: '撤回', published: '已公开' } as const

/** A share as people say it: "6/9（66.7%）". */
export const share = (value: number, of: number) => `${value}/${of}${of ? `（${((value / of) * 100).toFixed(1)}%）` : ''}`
