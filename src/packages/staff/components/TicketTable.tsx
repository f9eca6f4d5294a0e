import { useEffect, useRef, useState, type KeyboardEvent } from 'react'
import type { TicketSummary } from '../../../../types/tickets'
import { formatTime } from '../../../components/format'

/**
 * The staff ticket list as a table, for the wide (≥ 1024 px) console only: H5, so plain HTML elements with their own
 * semantics (a weapp page never renders this; useWide is false there).
 *
 * Keyboard: one row takes Tab (roving tabindex); ↑ ↓ Home End move between rows, Enter or Space opens the ticket
 * beside the list. Column headers are buttons that sort the loaded rows, each saying its order (aria-sort).
 */
export type SortKey = 'createdAt' | 'dueAt' | 'state' | 'category' | 'place'
export type Sort = { key: SortKey; dir: 'asc' | 'desc' }

const COLUMNS: { key: SortKey; label: string }[] = [
  { key: 'category', label: '类别' },
  { key: 'place', label: '地点' },
  { key: 'state', label: '状态' },
  { key: 'createdAt', label: '提交时间' },
  { key: 'dueAt', label: '期限' },
]

const value = (t: TicketSummary, key: SortKey): string => {
  switch (key) {
    case 'category':
      return t.categoryLabel
    case 'place':
      return t.placeLabel
    case 'state':
      return t.stateLabel
    case 'createdAt':
      return t.createdAt
    case 'dueAt':
      // no deadline (closed) sorts after every deadline
      return t.dueAt ?? '9999'
  }
}

const collator = typeof Intl !== 'undefined' ? new Intl.Collator('zh-CN', { numeric: true }) : null

/** The rows in the chosen order; ties keep the list's own order (newest first). */
export function sortTickets(items: TicketSummary[], sort: Sort): TicketSummary[] {
  const sign = sort.dir === 'asc' ? 1 : -1
  const cmp = (a: string, b: string) => (collator ? collator.compare(a, b) : a < b ? -1 : a > b ? 1 : 0)
  return items
    .map((t, i) => ({ t, i }))
    .sort((a, b) => sign * cmp(value(a.t, sort.key), value(b.t, sort.key)) || a.i - b.i)
    .map((x) => x.t)
}

const ARIA_SORT = { asc: 'ascending', desc: 'descending' } as const

export function TicketTable({
  items,
  selectedId,
  onOpen,
  caption,
}: {
  items: TicketSummary[]
  selectedId: string | null
  onOpen: (t: TicketSummary) => void
  caption: string
}) {
  const [sort, setSort] = useState<Sort>({ key: 'createdAt', dir: 'desc' })
  const rows = sortTickets(items, sort)
  const [active, setActive] = useState(0)
  const refs = useRef<(HTMLTableRowElement | null)[]>([])
  const focusRow = useRef(false)
  const current = Math.min(active, Math.max(0, rows.length - 1))

  useEffect(() => {
    if (focusRow.current) refs.current[current]?.focus()
    focusRow.current = false
  }, [current])

  const toggle = (key: SortKey) =>
    setSort((s) => (s.key === key ? { key, dir: s.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: key === 'createdAt' ? 'desc' : 'asc' }))

  const onKeyDown = (e: KeyboardEvent<HTMLTableRowElement>, i: number) => {
    const to = e.key === 'ArrowDown' ? i + 1 : e.key === 'ArrowUp' ? i - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? rows.length - 1 : null
    if (to !== null) {
      e.preventDefault()
      const next = Math.max(0, Math.min(rows.length - 1, to))
      focusRow.current = true
      setActive(next)
      refs.current[next]?.focus()
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault()
      onOpen(rows[i])
    }
  }

  return (
    <table className='desk-table wide-table ticket-table' role='grid' aria-label={caption}>
      <caption className='desk-caption'>{caption}</caption>
      <thead>
        <tr>
          <th scope='col'>内容</th>
          {COLUMNS.map((c) => (
            <th key={c.key} scope='col' aria-sort={sort.key === c.key ? ARIA_SORT[sort.dir] : 'none'}>
              <button type='button' className='sort-button' onClick={() => toggle(c.key)}>
                {c.label}
                <span aria-hidden='true'>{sort.key === c.key ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ' ↕'}</span>
              </button>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((t, i) => (
          <tr
            key={t.id}
            ref={(el) => {
              refs.current[i] = el
            }}
            tabIndex={i === current ? 0 : -1}
            aria-selected={t.id === selectedId}
            className={`ticket-row${t.id === selectedId ? ' ticket-row-on' : ''}`}
            onFocus={() => setActive(i)}
            onKeyDown={(e) => onKeyDown(e, i)}
            onClick={() => {
              setActive(i)
              onOpen(t)
            }}
          >
            <td className='ticket-cell-text'>{t.excerpt || '（未填写文字说明）'}</td>
            <td className='nowrap'>{t.categoryLabel}</td>
            <td className='nowrap'>{t.placeLabel}</td>
            <td className='nowrap'>{t.stateLabel}</td>
            <td>{formatTime(t.createdAt)}</td>
            <td>{t.overdue ? <strong className='overdue-text'>已超时</strong> : t.dueAt ? formatTime(t.dueAt) : '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
