import Taro from '@tarojs/taro'

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
