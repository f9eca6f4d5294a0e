/**
 * H5 only: Taro's own navigation bar (shown because app.config sets `navigationStyle: 'default'`) gives every page an
 * on-screen title, and non-tab pages a back button and a home button. They are plain divs with icons: give them a
 * role, a name a screen reader can speak and keyboard access, as WeChat's own bar has on the phone.
 */
export function labelH5NavBar(): void {
  if (process.env.TARO_ENV !== 'h5' || typeof document === 'undefined') return
  const bar = document.getElementById('taro-navigation-bar')
  if (!bar) return
  const label = (cls: string, name: string) => {
    const el = bar.getElementsByClassName(cls)[0] as HTMLElement | undefined
    if (!el || el.getAttribute('role')) return
    el.setAttribute('role', 'button')
    el.setAttribute('aria-label', name)
    el.setAttribute('tabindex', '0')
    el.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault()
        el.click()
      }
    })
  }
  label('taro-navigation-bar-back', '返回上一页')
  label('taro-navigation-bar-home', '回到首页')
  const title = bar.getElementsByClassName('taro-navigation-bar-title')[0]
  title?.setAttribute('role', 'heading')
  title?.setAttribute('aria-level', '1')
}
