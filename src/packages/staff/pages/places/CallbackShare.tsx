import { View, Text } from '@tarojs/components'
import { call } from '../../../../api'
import { useRemote, useSubmit } from '../../../../hooks/useRemote'
import { ChoiceList } from '../../../../components/ChoiceList'
import { ErrorState } from '../../../../components/States'
import { confirm, toast } from '../../../../components/ConfirmModal'

const SHARES = [0, 10, 20, 30, 50, 100]

/**
 * 回访抽查比例: besides every low rating and every ticket closed without the resident's confirmation (always called
 * back), this share of the other closed tickets is called back too. Which ones is fixed by each ticket's number, so
 * the same share always picks the same tickets.
 */
export function CallbackShare({ communityId }: { communityId: string }) {
  const current = useRemote(() => call('places', 'settings', { communityId }), [communityId])
  const { busy, run } = useSubmit()
  const choose = (share: number) =>
    run(async () => {
      if (!(await confirm('回访抽查比例', `今后办结的其他报事按 ${share}% 抽查回访（差评和超时未确认的报事全部回访）。确定吗？`, '确定'))) return
      const res = await call('places', 'updateSettings', { communityId, callbackShare: share })
      if (!res.ok) return toast(res.error.message)
      current.setData(res.data)
      toast('已保存')
    })
  const share = current.state.status === 'ok' && typeof current.state.data.callbackShare === 'number' ? current.state.data.callbackShare : null
  return (
    <View className='card'>
      <Text className='subtitle'>回访抽查比例</Text>
      <Text className='muted'>居民评价1–2星的、超时未确认自动关闭的报事全部回访；其余办结的报事按这个比例抽查回访。</Text>
      {current.state.status === 'error' ? <ErrorState error={current.state.error} onRetry={current.reload} /> : null}
      {share !== null ? (
        <ChoiceList
          label='回访抽查比例'
          selectedId={String(share)}
          choices={[...new Set([...SHARES, share])]
            .sort((a, b) => a - b)
            .map((s) => ({ id: String(s), label: s === 0 ? '不抽查（只回访差评和未确认的）' : `抽查 ${s}%` }))}
          onChoose={(c) => !busy && void choose(Number(c.id))}
        />
      ) : null}
    </View>
  )
}
