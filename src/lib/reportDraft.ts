import type { KeyValueStore } from './outbox'

/**
 * The report form as far as it was filled, kept on the phone per stairwell: a resident who loses the signal, is
 * called away or closes WeChat finds it again when they open the same stairwell's report page.
 * The requestId is kept with it, so a send whose answer was lost and is repeated from the draft files no second ticket.
 */
export interface ReportDraft {
  placeCode: string
  requestId: string
  category: string | null
  text: string
  /** uploaded fileIDs and photos still only on the phone */
  photos: string[]
  anonymous: boolean
  savedAt: string
}

const keyOf = (placeCode: string) => `report.draft.${placeCode.toUpperCase()}`

const isDraft = (x: unknown): x is ReportDraft => {
  const d = x as ReportDraft
  return (
    !!d &&
    typeof d.placeCode === 'string' &&
    typeof d.requestId === 'string' &&
    (d.category === null || typeof d.category === 'string') &&
    typeof d.text === 'string' &&
    Array.isArray(d.photos) &&
    d.photos.every((p) => typeof p === 'string') &&
    typeof d.anonymous === 'boolean'
  )
}

/** Nothing chosen, written or taken yet: not worth keeping. */
export const isEmptyDraft = (d: Pick<ReportDraft, 'category' | 'text' | 'photos'>) => !d.category && !d.text.trim() && d.photos.length === 0

export function loadDraft(store: KeyValueStore, placeCode: string): ReportDraft | null {
  const d = store.get(keyOf(placeCode))
  return isDraft(d) && !isEmptyDraft(d) ? d : null
}

export function saveDraft(store: KeyValueStore, draft: ReportDraft): void {
  if (isEmptyDraft(draft)) store.remove(keyOf(draft.placeCode))
  else store.set(keyOf(draft.placeCode), draft)
}

export const clearDraft = (store: KeyValueStore, placeCode: string) => store.remove(keyOf(placeCode))
