import { useState } from 'react'
import { View, Text, Button, Input } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import type { ErrorBody, RollEntryView } from '../../../../../types'
import { call } from '../../../../api'
import { usePaged } from '../../../../hooks/usePaged'
import { useRemote, useSubmit } from '../../../../hooks/useRemote'
import { ChoiceList } from '../../../../components/ChoiceList'
import { confirm, toast } from '../../../../components/ConfirmModal'
import { PagedFooter } from '../../../../components/PagedFooter'
import { ErrorState } from '../../../../components/States'
import { Page } from '../../../../components/Page'
import { useWide } from '../../../../hooks/useWide'
import '../../components/council.css'

const status = (e: RollEntryView) => (e.voted ? (e.channel === 'paper' ? `已录入纸质票（${e.paperNo}）` : '已在线投票') : '未投票')

/** The roll as a table on a wide screen (H5 console): number, voter, area, whether they voted, and 录入 for those who have not. */
function RollTable({ items, caption, onPick }: { items: RollEntryView[]; caption: string; onPick: (e: RollEntryView) => void }) {
  const area = items.some((e) => e.area > 0)
  return (
    <table className='desk-table'>
      <caption className='desk-caption'>{caption}</caption>
      <thead>
        <tr>
          <th scope='col'>票号</th>
          <th scope='col'>投票人</th>
          {area ? (
            <th scope='col' className='num'>
              面积（㎡）
            </th>
          ) : null}
          <th scope='col'>状态</th>
          <th scope='col'>录入</th>
        </tr>
      </thead>
      <tbody>
        {items.map((e) => (
          <tr key={e.key}>
            <td>{e.ballotNo ?? '—'}</td>
            <th scope='row'>{e.label}</th>
            {area ? <td className='num'>{e.area}</td> : null}
            <td>{status(e)}</td>
            <td>
              {e.voted ? null : (
                <button
                  type='button'
                  className='roll-button'
                  aria-label={`录入纸质票：${e.ballotNo ? `票号${e.ballotNo}，` : ''}${e.label}`}
                  onClick={() => onPick(e)}
                >
                  录入
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

/**
 * 录入纸质票: the roll with who has voted (never what); staff enter a paper or meeting ballot voter by voter, with the
 * ballot's number. Each entry shows the number printed on its ballot (qrcodes.ballots), which also finds it.
 */
export default function PaperVotes() {
  const router = useRouter()
  const voteId = router?.params?.voteId ? decodeURIComponent(router.params.voteId) : ''
  const [q, setQ] = useState('')
  const [search, setSearch] = useState('')
  const roll = usePaged((page) => (voteId ? call('council', 'roll', { voteId, page, pageSize: 50, ...(search ? { q: search } : {}) }) : null), [voteId, search])
  const [voter, setVoter] = useState<RollEntryView | null>(null)
  const head = useRemote(() => (voteId ? call('council', 'roll', { voteId, page: 1, pageSize: 1 }) : null), [voteId])
  const choices = head.state.status === 'ok' ? head.state.data.choices : []
  const [choice, setChoice] = useState<string | null>(null)
  const [paperNo, setPaperNo] = useState('')
  const [error, setError] = useState<ErrorBody | null>(null)
  const { busy, run } = useSubmit()
  // false on weapp; the branches below test the build constant too, so weapp's bundle drops the wide layout's code
  const wide = useWide()

  const pick = (e: RollEntryView) => {
    setError(null)
    setVoter(e)
    setChoice(null)
    // a printed ballot carries the entry's number: the same number is the ballot's
    setPaperNo(e.ballotNo ?? '')
  }
  const enter = () =>
    run(async () => {
      if (!voter || !choice) return setError({ code: 'INPUT.INVALID', message: '请选择票上的意见' })
      if (!paperNo.trim()) return setError({ code: 'INPUT.INVALID', message: '请填写纸质票编号' })
      const label = choices.find((c) => c.id === choice)?.label ?? ''
      const other = voter.ballotNo && paperNo.trim() !== voter.ballotNo ? `票号与名单编号 ${voter.ballotNo} 不一致，请核对是否拿错了票。` : ''
      if (!(await confirm('录入纸质票', `${other}${voter.label}：${label}（票号 ${paperNo.trim()}）。录入后不能更改，确定吗？`, '确定录入'))) return
      const res = await call('council', 'enterPaperVote', { voteId, voterKey: voter.key, choice, paperNo: paperNo.trim() })
      if (!res.ok) return setError(res.error)
      roll.replace((x) => x.key === voter.key, { ...voter, voted: true, channel: 'paper', paperNo: paperNo.trim() })
      setVoter(null)
      toast('已录入')
    })

  return (
    <Page className={`paper-votes${wide ? ' desk' : ''}`}>
      {voter ? (
        <View className='card form'>
          <Text className='subtitle'>{`录入：${voter.ballotNo ? `${voter.ballotNo} ` : ''}${voter.label}`}</Text>
          <Text className='field-label'>票上的意见</Text>
          <ChoiceList choices={choices} selectedId={choice} onChoose={(c) => setChoice(c.id)} />
          <Text className='field-label'>纸质票编号</Text>
          <Input
            className='input'
            value={paperNo}
            maxlength={20}
            ariaLabel='纸质票编号'
            placeholder='票面上的编号'
            onInput={(e) => setPaperNo(e.detail.value)}
          />
          {error ? <ErrorState error={error} /> : null}
          <Button className='btn btn-primary btn-block' disabled={busy} onClick={() => void enter()}>
            确定录入
          </Button>
          <Button className='btn btn-plain btn-block' onClick={() => setVoter(null)}>
            取消
          </Button>
        </View>
      ) : null}
      <View className='card form'>
        <Text className='field-label'>查找投票人（姓名、房号或票号）</Text>
        <View className='row'>
          <Input
            className='input'
            value={q}
            maxlength={20}
            ariaLabel='查找投票人，输入姓名或房号，或纸质票上的票号'
            placeholder='如 王秀英、301 或票号 042'
            confirmType='search'
            onInput={(e) => setQ(e.detail.value)}
            onConfirm={() => setSearch(q.trim())}
          />
          <Button className='btn btn-secondary' onClick={() => setSearch(q.trim())}>
            查找
          </Button>
        </View>
        {search ? (
          <Button
            className='btn btn-plain btn-block'
            onClick={() => {
              setQ('')
              setSearch('')
            }}
          >
            显示全部名单
          </Button>
        ) : null}
      </View>
      <Text className='muted'>{`名单共 ${roll.total ?? 0} ${search ? '条符合' : '人（户）'}。点未投票的人员录入纸质票；已投票的不能重复录入。`}</Text>
      {process.env.TARO_ENV === 'h5' && wide ? (
        roll.items.length ? (
          <RollTable
            items={roll.items}
            caption={`投票名单：${search ? `“${search}”的查找结果，` : ''}共 ${roll.total ?? 0} 条，已显示 ${roll.items.length} 条`}
            onPick={pick}
          />
        ) : null
      ) : (
        roll.items.map((e) => (
          <View
            key={e.key}
            className='card list-item'
            ariaRole='button'
            ariaLabel={`${e.ballotNo ? `票号${e.ballotNo}，` : ''}${e.label}，${e.voted ? '已投票' : '未投票'}`}
            onClick={() => (e.voted ? undefined : pick(e))}
          >
            <Text className='list-item-title'>{e.ballotNo ? `${e.ballotNo}　${e.label}` : e.label}</Text>
            <Text className='list-item-meta'>{status(e)}</Text>
          </View>
        ))
      )}
      <PagedFooter list={roll} emptyText='名单为空' />
    </Page>
  )
}
