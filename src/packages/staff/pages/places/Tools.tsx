import { useState } from 'react'
import { View, Text, Button } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { ErrorBody, ImportResult } from '../../../../../types'
import { REGISTER_COLUMNS } from '../../../../../types/registerLabels'
import { PrivacyPrompt } from '../../../../components/PrivacyPrompt'
import { call } from '../../../../api'
import { useRemote, useSubmit } from '../../../../hooks/useRemote'
import { ChoiceList } from '../../../../components/ChoiceList'
import { ErrorState } from '../../../../components/States'
import { confirm, toast } from '../../../../components/ConfirmModal'
import { openDocument, openSheet } from '../../../../components/openDocument'
import { pickTable } from '../../components/tableUpload'
import { beijing } from '../../../../lib/time'

export function QrSheet({ communityId }: { communityId: string }) {
  const { busy, run } = useSubmit()
  const make = () =>
    run(async () => {
      const res = await call('qrcodes', 'sheet', { communityId })
      if (!res.ok) return toast(res.error.message)
      toast(`已生成${res.data.units}个楼道码，共${res.data.pages}页`)
      try {
        await openDocument(res.data.url)
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

const TEMPLATE = `${REGISTER_COLUMNS.join('，')}`

/**
 * 导入住户名册: one row per person, household columns (面积, 产权人…) on any of its rows, as an Excel workbook or a CSV
 * (UTF-8 or GBK). On the phone staff pick the table they forwarded to themselves in WeChat; in a browser, a file on the
 * computer; either way it is uploaded and read by the sheets function. Bad rows are listed by sheet and line and
 * nothing is imported; imported rows that deserve a look (owners matched by name only) are listed as warnings.
 */
export function RegisterImport({ communityId, onImported }: { communityId: string; onImported: () => void }) {
  const [error, setError] = useState<ErrorBody | null>(null)
  const [done, setDone] = useState<ImportResult | null>(null)
  const { busy, run } = useSubmit()
  const start = () =>
    run(async () => {
      setError(null)
      setDone(null)
      const picked = await pickTable()
      if (!picked) return
      if ('error' in picked) return setError(picked.error)
      Taro.showLoading({ title: '正在导入…' })
      try {
        const res = await call('sheets', 'importRegister', { communityId, fileID: picked.fileID })
        if (!res.ok) return setError(res.error)
        setDone(res.data)
        onImported()
      } finally {
        Taro.hideLoading()
      }
    })
  const template = () =>
    run(async () => {
      setError(null)
      const res = await call('sheets', 'registerTemplate', { communityId })
      if (!res.ok) return setError(res.error)
      await openSheet(res.data)
    })
  return (
    <View className='card'>
      <PrivacyPrompt />
      <Text className='subtitle'>导入住户名册</Text>
      <Text className='muted'>
        表格（Excel 或 CSV）每行一人，列为：{TEMPLATE}
        。同一户的面积和产权填在其中一行即可；空置房只填房号和产权。开发商未售、已售未交付的房屋，产权人填开发商名称。有错误时整份表格都不会导入。
      </Text>
      <Text className='muted'>
        {process.env.TARO_ENV === 'weapp'
          ? '先把表格（.xlsx 或 .csv）从电脑发到自己的微信，再在这里选择。'
          : '选择 Excel（.xlsx）或 CSV 文件；CSV 可以是 UTF-8 或 GBK 编码。'}
      </Text>
      <Button className='btn btn-plain btn-block' disabled={busy} onClick={() => void template()}>
        下载导入模板（Excel）
      </Button>
      <Button className='btn btn-secondary btn-block' disabled={busy} loading={busy} onClick={() => void start()}>
        {process.env.TARO_ENV === 'weapp' ? '从微信聊天中选择表格' : '选择表格文件导入'}
      </Button>
      {done ? (
        <View ariaRole='status'>
          <Text className='done'>{`导入成功：楼栋 ${done.buildings} 栋，单元 ${done.units} 个，住户 ${done.households} 户，家庭成员 ${done.members} 人，产权人 ${done.owners} 位`}</Text>
          {done.warnings.map((w) => (
            <Text key={w} className='warning'>{`请核对：${w}`}</Text>
          ))}
        </View>
      ) : null}
      {error ? <ErrorState error={error} /> : null}
    </View>
  )
}

const RETENTION = [90, 180, 365, 730, 1095]

/** How long photos of ended tickets are kept (the timer deletes them after that; the tickets stay). */
export function PhotoRetention({ communityId }: { communityId: string }) {
  const current = useRemote(() => call('places', 'settings', { communityId }), [communityId])
  const { busy, run } = useSubmit()
  const choose = (days: number) =>
    run(async () => {
      if (!(await confirm('照片保存期限', `报事办结${days}天后自动删除照片（报事记录保留），已超过期限的照片将在今晚起陆续删除。确定吗？`, '确定'))) return
      const res = await call('places', 'updateSettings', { communityId, photoRetentionDays: days })
      if (!res.ok) return toast(res.error.message)
      current.setData(res.data)
      toast('已保存')
    })
  const days = current.state.status === 'ok' ? current.state.data.photoRetentionDays : null
  return (
    <View className='card'>
      <Text className='subtitle'>报事照片保存期限</Text>
      <Text className='muted'>照片含有居民的家门和面貌，办结后不宜长期保存。到期后自动删除照片，报事记录作为档案保留。</Text>
      {days !== null ? (
        <ChoiceList
          selectedId={String(days)}
          choices={RETENTION.map((d) => ({ id: String(d), label: d % 365 === 0 ? `办结后${d / 365}年` : `办结后${d}天` }))}
          onChoose={(c) => !busy && void choose(Number(c.id))}
        />
      ) : null}
    </View>
  )
}

/** That residents deleted their accounts and when — nothing of who they were is kept to show. */
export function Deletions({ communityId }: { communityId: string }) {
  const list = useRemote(() => call('users', 'deletions', { communityId, pageSize: 5 }), [communityId])
  if (list.state.status !== 'ok') return null
  const { total, items } = list.state.data
  return (
    <View className='card'>
      <Text className='subtitle'>账号注销记录</Text>
      <Text className='muted'>
        {total
          ? `共有 ${total} 位居民注销了账号，最近：${items.map((d) => beijing(d.at).format('YYYY-MM-DD')).join('、')}。他们的报事作为档案保留，显示为“已注销用户”。`
          : '还没有居民注销账号。'}
      </Text>
    </View>
  )
}
