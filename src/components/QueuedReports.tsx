import { useEffect, useState } from 'react'
import { View, Text, Button } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import type { QueuedReport } from '../lib/outbox'
import { forgetLocalPhotos, reportOutbox, startOutbox } from '../lib/reportOutbox'
import { confirm, toast } from './ConfirmModal'
import { formatTime } from './format'
import './tickets.css'

/**
 * 我的报事: reports still on the phone, above the filed ones. Waiting ones go by themselves when the network is back;
 * one the function refused shows why. Either can be cancelled before it is filed.
 */
export function QueuedReports({ onSent }: { onSent: () => void }) {
  const [list, setList] = useState<QueuedReport[]>(() => reportOutbox.list())

  useEffect(() => {
    const stop = reportOutbox.subscribe((e) => {
      setList(reportOutbox.list())
      if (e.requestId && e.outcome.kind === 'sent') onSent()
    })
    startOutbox()
    return stop
  }, [onSent])
  // back on this tab (the app shown again, another page closed): what waits may go now
  useDidShow(() => {
    setList(reportOutbox.list())
    void reportOutbox.flush()
  })

  const cancel = async (r: QueuedReport) => {
    if (!(await confirm('取消这次报事？', '取消后这件事不会提交给社区。', '取消报事'))) return
    if (!reportOutbox.cancel(r.requestId)) {
      toast('正在提交，请稍后再看')
      return
    }
    forgetLocalPhotos(r.photos)
    setList(reportOutbox.list())
  }

  if (!list.length) return null
  return (
    <View className='queued-reports'>
      {list.map((r) => {
        const status = r.status === 'waiting' ? '等待网络，将自动提交' : '没有提交成功'
        return (
          <View key={r.requestId} className='card ticket-card queued-report' ariaLabel={`${r.categoryLabel}，${status}，${r.placeLabel}`}>
            <View className='ticket-card-head'>
              <Text className='ticket-card-title'>{r.categoryLabel}</Text>
              <Text className='state-tag'>{status}</Text>
            </View>
            <Text className='ticket-excerpt'>{r.text || '（未填写文字说明）'}</Text>
            <Text className='list-item-meta'>{`${r.placeLabel} · ${formatTime(r.queuedAt)}${r.photos.length ? ` · ${r.photos.length}张照片` : ''}`}</Text>
            {r.error ? <Text className='error-text'>{r.error.message}</Text> : null}
            {r.status === 'failed' ? (
              <Button className='btn btn-primary btn-block' onClick={() => void reportOutbox.retry(r.requestId)}>
                再试一次
              </Button>
            ) : null}
            <Button className='btn btn-plain btn-block' ariaLabel={`取消这次报事：${r.categoryLabel}`} onClick={() => void cancel(r)}>
              取消报事
            </Button>
          </View>
        )
      })}
    </View>
  )
}
