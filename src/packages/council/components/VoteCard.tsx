import { useState } from 'react'
import { View, Text, Button } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { VoteView } from '../../../../types'
import { ChoiceList } from '../../../components/ChoiceList'
import { confirm, toast } from '../../../components/ConfirmModal'
import { ExportVote } from './ExportVote'
import { share, when } from './format'

const STATUS = { scheduled: '未开始', open: '进行中', closed: '已结束' } as const

/** One vote: how it is counted, the ballot while it is open, and the tally against each threshold once closed. */
export function VoteCard({
  v,
  busy,
  organiser,
  onCast,
  onClose,
}: {
  v: VoteView
  busy: boolean
  organiser: boolean
  onCast: (choice: string, key?: string) => void
  onClose: () => void
}) {
  // someone on the roll twice (two households, two owner identities) says which one this ballot is for
  const [as, setAs] = useState<string | null>(null)
  const many = v.me.as.length > 1
  const cast = async (c: { id: string; label: string }) => {
    if (many && !as) return toast('请先选择代表哪一户（哪个业主身份）投票')
    const secret = v.secret ? '本次为无记名投票，投出后不能更改，也不能再查看。' : '本次为记名投票，投出后不能更改。'
    const who = many ? `代表“${v.me.as.find((x) => x.key === as)?.label ?? ''}”，` : ''
    if (await confirm('确认投票', `${who}您选择“${c.label}”。${secret}`, '确认投票')) onCast(c.id, many ? (as ?? undefined) : undefined)
  }
  const close = async () => {
    if (await confirm('结束表决', '结束后立即计票，不能再投票或录入纸质票，确定结束吗？', '结束计票')) onClose()
  }
  return (
    <View className='card vote'>
      <Text className='subtitle'>{`${v.stage === 'review' ? '党员大会表决' : v.rollKind === 'owners' ? '业主表决' : '居民（代表）会议表决'}（${STATUS[v.status]}）`}</Text>
      <Text className='muted line'>{`${v.rollKindLabel} · ${v.unitLabel} · ${v.secret ? '无记名' : '记名'}`}</Text>
      <Text className='muted line'>{v.ruleLabel}</Text>
      <Text className='muted line'>{`${when(v.opensAt)} 至 ${when(v.closesAt)}，应参加 ${v.rollCount} ${v.unitNoun}${v.rule !== 'meeting' ? `，专有部分面积 ${v.rollArea} ㎡` : ''}`}</Text>
      {v.turnout !== null ? <Text className='line'>{`已投票：${share(v.turnout, v.rollCount)}`}</Text> : null}

      {v.status === 'open' && v.me.onRoll && !v.me.voted ? (
        <View className='ballot' ariaRole='group' ariaLabel='选票'>
          <Text className='subtitle'>请投票</Text>
          {many ? <ChoiceList selectedId={as} choices={v.me.as.map((x) => ({ id: x.key, label: `代表 ${x.label}` }))} onChoose={(c) => setAs(c.id)} /> : null}
          {v.choices.map((c) => (
            <Button key={c.id} className='btn btn-secondary btn-big btn-block vote-choice' disabled={busy} onClick={() => void cast(c)}>
              {c.label}
            </Button>
          ))}
        </View>
      ) : null}
      {v.me.voted ? (
        <View ariaRole='status'>
          <Text className='tag'>
            {v.me.votedBy && v.me.votedBy !== '纸质票' ? `本户已由${v.me.votedBy}投票` : v.me.channel === 'paper' ? '已录入您的纸质票' : '您已投票'}
            {v.me.choice ? `：${v.choices.find((c) => c.id === v.me.choice)?.label ?? ''}` : ''}
          </Text>
        </View>
      ) : null}
      {v.status === 'open' && !v.me.onRoll && !organiser ? <Text className='muted line'>您不在本次表决名单中</Text> : null}

      {v.tally ? (
        <View className='tally'>
          <Text className='subtitle'>{v.status === 'closed' ? '计票结果' : '当前票数（记名投票实时公开）'}</Text>
          {v.tally.choices.map((c) => (
            <View key={c.id} className='vote-figure'>
              <Text>{c.label}</Text>
              <Text>{v.rule !== 'meeting' ? `${c.count} ${v.unitNoun} / ${c.area} ㎡` : `${c.count} 票`}</Text>
            </View>
          ))}
        </View>
      ) : null}
      {v.result ? (
        <View className='result'>
          {v.result.figures.map((f) => (
            <View
              key={f.key}
              className={`vote-figure ${f.met ? 'vote-figure-met' : 'vote-figure-unmet'}`}
              ariaLabel={`${f.label}${share(f.value, f.of)}，要求${f.threshold}，${f.met ? '达到' : '未达到'}`}
            >
              <Text>{f.label}</Text>
              <Text>{`${share(f.value, f.of)} 要求${f.threshold} ${f.met ? '✓' : '✗'}`}</Text>
            </View>
          ))}
          <Text className='title'>
            {v.result.passed ? `表决通过${v.result.adoptedLabel && v.result.adoptedLabel !== '同意' ? `：${v.result.adoptedLabel}` : ''}` : '表决未通过'}
          </Text>
        </View>
      ) : null}
      {v.status === 'closed' || organiser ? (
        <View className='basis'>
          <Text className='field-label'>计票依据</Text>
          {v.basis.map((line, i) => (
            <Text key={i} className='muted line'>
              {line}
            </Text>
          ))}
        </View>
      ) : null}

      {organiser ? <ExportVote voteId={v.id} /> : null}
      {organiser && v.status !== 'closed' ? (
        <View>
          <Button
            className='btn btn-secondary btn-block'
            onClick={() => void Taro.navigateTo({ url: `/packages/council/pages/paper/index?voteId=${encodeURIComponent(v.id)}` })}
          >
            录入纸质票 / 查看名单
          </Button>
          {v.status === 'open' ? (
            <Button className='btn btn-plain btn-block' disabled={busy} onClick={() => void close()}>
              结束表决并计票
            </Button>
          ) : null}
        </View>
      ) : null}
    </View>
  )
}
