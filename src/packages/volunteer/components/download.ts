import Taro from '@tarojs/taro'
import type { VolunteerExport } from '../../../../types'
import { toast } from '../../../components/ConfirmModal'

/** Hands the CSV over: a download in the browser; in WeChat a file to send to a chat (and so to a computer). */
export async function saveCsv(file: VolunteerExport): Promise<void> {
  if (process.env.TARO_ENV === 'h5') {
    const url = URL.createObjectURL(new Blob([file.csv], { type: 'text/csv;charset=utf-8' }))
    const a = document.createElement('a')
    a.href = url
    a.download = file.filename
    a.click()
    setTimeout(() => URL.revokeObjectURL(url), 10_000)
    toast(`已导出 ${file.rows} 条记录`)
    return
  }
  try {
    const filePath = `${Taro.env.USER_DATA_PATH}/${file.filename}`
    Taro.getFileSystemManager().writeFileSync(filePath, file.csv, 'utf8')
    await Taro.shareFileMessage({ filePath, fileName: file.filename })
  } catch {
    toast('没有发送文件，可以稍后再导出')
  }
}
