import { useState } from 'react'
import { View, Text, Button } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { ErrorBody, ImportResult } from '../../../../../types'
import { call } from '../../../../api'
import { useSubmit } from '../../../../hooks/useRemote'
import { ErrorState } from '../../../../components/States'
import { toast } from '../../../../components/ConfirmModal'

async function openPdf(url: string) {
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

export function QrSheet({ communityId }: { communityId: string }) {
  const { busy, run } = useSubmit()
  const make = () =>
    run(async () => {
      const res = await call('qrcodes', 'sheet', { communityId })
      if (!res.ok) return toast(res.error.message)
      toast(`已生成${res.data.units}个楼道码，共${res.data.pages}页`)
      try {
        await openPdf(res.data.url)
      } catch {
        toast('打开文件失败，请稍后重试')
      }
    })
  return (
    <View className='card'>
      <Text className='subtitle'>楼道码打印</Text>
      <Text className='muted'>生成本社区所有单元的二维码（A4），打印后张贴在楼道里。</Text>
      <Button className='btn btn-secondary btn-block' disabled={busy} loading={busy} onClick={() => void make()}>
        生成楼道码
      </Button>
    </View>
  )
}

/** Picks a file in the browser without JSX `<input>`, which the mini-program templates do not have. */
const pickTextFile = (): Promise<string | null> =>
  new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = '.csv,text/csv'
    input.onchange = () => {
      const file = input.files?.[0]
      if (!file) return resolve(null)
      const reader = new FileReader()
      reader.onload = () => resolve(String(reader.result ?? ''))
      reader.onerror = () => resolve(null)
      reader.readAsText(file, 'utf-8')
    }
    input.click()
  })

export function CsvImport({ communityId, onImported }: { communityId: string; onImported: () => void }) {
  const [error, setError] = useState<ErrorBody | null>(null)
  const [done, setDone] = useState<ImportResult | null>(null)
  const { busy, run } = useSubmit()
  const start = () =>
    run(async () => {
      setError(null)
      setDone(null)
      const csv = await pickTextFile()
      if (csv === null) return
      const res = await call('places', 'importCsv', { communityId, csv })
      if (!res.ok) return setError(res.error)
      setDone(res.data)
      onImported()
    })
  return (
    <View className='card'>
      <Text className='subtitle'>表格导入</Text>
      {process.env.TARO_ENV === 'h5' ? (
        <View>
          <Text className='muted'>一次导入楼栋、单元和住户（CSV 文件）。有错误时整份文件都不会导入。</Text>
          <Button className='btn btn-secondary btn-block' disabled={busy} loading={busy} onClick={() => void start()}>
            选择 CSV 文件导入
          </Button>
        </View>
      ) : (
        <Text className='muted'>请在电脑浏览器中打开管理后台导入表格。</Text>
      )}
      {done ? <Text className='done'>{`导入成功：楼栋 ${done.buildings} 栋，单元 ${done.units} 个，住户 ${done.households} 户`}</Text> : null}
      {error ? <ErrorState error={error} /> : null}
    </View>
  )
}
