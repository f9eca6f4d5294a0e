/**
 * What Taro's H5 runtime draws without the attributes assistive technology needs, given them as it appears:
 * - each page scrolls inside its own element, which keyboard users can only scroll once it takes focus;
 * - buttons (Taro's <taro-button-core>, and views given a role) take focus and answer Enter and Space, as
 *   <button> does; the modal is a plain <div>: it becomes a dialog, its two choices buttons;
 * - the toast is announced (role=status) rather than only shown;
 * - a text box's or switch's name reaches the control inside.
 * H5 only; weapp's own components carry their semantics.
 */
const CONTROLS = 'taro-button-core, [role=button], [role=radio], [role=switch], [role=checkbox], [role=tab], .taro-model__btn'

const focusable = (el: HTMLElement) => {
  if (!el.hasAttribute('tabindex')) el.setAttribute('tabindex', '0')
}

// only when it differs: setting an attribute to the value it has still queues a mutation, and the observer below
// would mark the element again, forever (a toast or modal froze the page)
const set = (el: HTMLElement, name: string, value: string) => {
  if (el.getAttribute(name) !== value) el.setAttribute(name, value)
}

const MARKS: [selector: string, mark: (el: HTMLElement) => void][] = [
  ['.taro_page', focusable],
  [
    '.taro-modal__content',
    (el) => {
      set(el, 'role', 'dialog')
      set(el, 'aria-modal', 'true')
    },
  ],
  ['.taro-model__btn', (el) => set(el, 'role', 'button')],
  [CONTROLS, focusable],
  ['.taro__toast', (el) => set(el, 'role', 'status')],
  // Taro puts a text box's ariaLabel on its wrapper element; the control inside is what gets focus and must carry it
  [
    'taro-input-core[aria-label] input, taro-textarea-core[aria-label] textarea, taro-switch-core[aria-label] input',
    (el) => {
      const name = el.closest('[aria-label]')?.getAttribute('aria-label')
      if (name) set(el, 'aria-label', name)
    },
  ],
]

function mark(root: Element | Document) {
  for (const [selector, apply] of MARKS) {
    if (root instanceof HTMLElement && root.matches(selector)) apply(root)
    root.querySelectorAll<HTMLElement>(selector).forEach(apply)
  }
}

export function watchH5Access(): void {
  if (typeof document === 'undefined' || typeof MutationObserver === 'undefined') return
  mark(document)
  // Taro's components set role and aria-label once they are in the document: watch those attributes too
  new MutationObserver((changes) => {
    for (const c of changes) {
      if (c.type === 'attributes') mark(c.target as Element)
      else c.addedNodes.forEach((n) => n instanceof HTMLElement && mark(n))
    }
  }).observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['role', 'aria-label'] })
  // Enter or Space on a focused button chooses it, as on <button>
  document.addEventListener('keydown', (e) => {
    const el = e.target as HTMLElement | null
    // (the navigation bar's buttons answer their own keys: lib/h5NavBar)
    if (!e.defaultPrevented && (e.key === 'Enter' || e.key === ' ') && el?.matches?.(CONTROLS)) {
      e.preventDefault()
      el.click()
    }
  })
}
