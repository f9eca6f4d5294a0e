import { useState } from 'react'
import { View, Text, Button } from '@tarojs/components'
import type { ErrorBody } from '../../../../types'
import { ballotBatches } from '../../../../types/councilLabels'
import { call } from '../../../api'
import { useSubmit } from '../../../hooks/useRemote'
import { toast } from '../../../components/ConfirmModal'
import { openDocument } from '../../../components/openDocument'
import { ErrorState } from '../../../components/States'

type Paper = 'ballots' | 'signInSheet'
/** what is being made: the sign-in sheet, or the ballots numbered from … to … */
type Making = { paper: Paper; from?: number; to?: number }

const OPEN_FAILED: ErrorBody = { code: 'FILE.OPEN_FAILED', message: '文件已生成，但打开失败，请检查网络后重试' }

/**
 * 打印纸质选票 / 打印签到表, for the organisers of a vote that still takes ballots: the PDF is made from the vote's roll
 * and opened (a new tab in a browser; WeChat's viewer on the phone, which can also forward it to a computer to
 * print). Nothing changes by printing, so no confirmation; printing again gives the same numbers.
 */
export function PrintPapers({ matterId, secret, rollCount }: { matterId: string; secret: boolean; rollCount: number }) {
  const { busy, run } = useSubmit()
  const [making, setMaking] = useState<Making | null>(null)
  const [error, setError] = useState<ErrorBody | null>(null)
  // a roll larger than one file prints its ballots in batches by number
  const batches = ballotBatches(rollCount)
  const print = (what: Making) =>
    run(async () => {
      setError(null)
      setMaking(what)
      const paper = what.paper
      try {
        const res =
          paper === 'ballots'
            ? await call('qrcodes', 'ballots', { matterId, ...(what.from ? { from: what.from, to: what.to } : {}) })
            : await call('qrcodes', 'signInSheet', { matterId })
        if (!res.ok) return setError(res.error)
        const d = res.data
        toast(paper === 'ballots' ? `已生成选票${d.entries}张（票号${d.firstNo}至${d.lastNo}），共${d.pages}页` : `已生成签到表${d.entries}行，共${d.pages}页`)
        try {
          await openDocument(d.url)
        } catch {
          setError(OPEN_FAILED)
        }
      } finally {
        setMaking(null)
      }
    })
  return (
    <View className='card print-papers'>
      <Text className='subtitle'>线下会议用纸</Text>
      <Text className='muted line'>
        {`选票每人（户、位业主）一张，票号与“录入纸质票”名单中的编号相同，录入时输入票号即可找到投票人；签到表按同样的编号排列，每页有页码和合计。${
          secret ? '本次为无记名投票：选票只印票号，不印姓名、房号和签名栏。' : ''
        }`}
      </Text>
      {batches.length > 1 ? (
        batches.map(([from, to]) => (
          <Button
            key={from}
            className='btn btn-secondary btn-block'
            disabled={busy}
            loading={making?.from === from}
            onClick={() => void print({ paper: 'ballots', from, to })}
          >
            {`打印纸质选票（第 ${from} 至 ${to} 张）`}
          </Button>
        ))
      ) : (
        <Button className='btn btn-secondary btn-block' disabled={busy} loading={making?.paper === 'ballots'} onClick={() => void print({ paper: 'ballots' })}>
          打印纸质选票
        </Button>
      )}
      <Button
        className='btn btn-secondary btn-block'
        disabled={busy}
        loading={making?.paper === 'signInSheet'}
        onClick={() => void print({ paper: 'signInSheet' })}
      >
        打印签到表
      </Button>
      {making ? (
        <Text className='muted line' ariaRole='status'>
          {making.paper === 'ballots' ? '正在生成选票，人数多时需要十几秒…' : '正在生成签到表…'}
        </Text>
      ) : null}
      {error ? <ErrorState error={error} /> : null}
    </View>
  )
}
