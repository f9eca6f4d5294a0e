import type { ComponentType } from 'react'
import { render } from '@testing-library/react'
import { Current } from '@tarojs/runtime'

/** Renders a page as Taro would after navigating to it with `params` as the launch query. */
export function renderPage(Page: ComponentType, params: Record<string, string> = {}, path = '/pages/index/index') {
  Current.router = { params, path, onReady: '', onHide: '', onShow: '' } as typeof Current.router
  return render(<Page />)
}
