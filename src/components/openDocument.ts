import Taro from '@tarojs/taro'
import type { SheetFile } from '../../types/sheets'
import { toast } from './ConfirmModal'

/** Opens a PDF the functions made: a new tab in a browser; downloaded and shown by WeChat (which can also forward it). */
export async function openDocument(url: string): Promise<void> {
  if (process.env.TARO_ENV === 'h5') {
    window.open(url, '_blank')
    return
  }
  Taro.showLoading({ title: '正在下载…' })
  try {
    const file = await Taro.downloadFile({ url })
    await Taro.openDocument({ filePath: file.tempFilePath, fileType: 'pdf', showMenu: true })
  } finally {
    Taro.hideLoading()
  }
}

/**
 * Hands over a workbook the functions made (its link lasts 15 minutes, so at once): in WeChat it is downloaded under
 * its own name and opened, and the menu forwards it to a chat or a computer; in a browser it downloads.
 */
export async function openSheet(file: SheetFile): Promise<void> {
  if (process.env.TARO_ENV === 'h5') {
    const a = document.createElement('a')
    a.href = file.url
    a.download = file.filename
    a.rel = 'noopener'
    a.click()
    return
  }
  Taro.showLoading({ title: '正在下载…' })
  try {
    const got = await Taro.downloadFile({ url: file.url, filePath: `${Taro.env.USER_DATA_PATH}/${file.filename}` })
    await Taro.openDocument({ filePath: got.filePath || got.tempFilePath, fileType: 'xlsx', showMenu: true })
  } catch {
    toast('打开表格失败，请稍后重新导出')
  } finally {
    Taro.hideLoading()
  }
}
