import { useEffect, useState } from 'react'
import { View, Text, Button } from '@tarojs/components'
import type { CodeHouseholdView, ErrorBody, MeView } from '../../../types'
import { call } from '../../api'
import { useSubmit } from '../../hooks/useRemote'
import { ChoiceList } from '../../components/ChoiceList'
import { ErrorState } from '../../components/States'
import { confirm, toast } from '../../components/ConfirmModal'
import { CodeForm } from './CodeForm'

const NOT_LISTED = 'not-listed'

/**
 * The household's bind code, then "which of these people are you": the register's members with names masked. Choosing
 * oneself binds at once (and the app learns one's name from the register); someone not listed is bound to the household
 * and staff add them to the register.
 */
export function BindByCode({ onDone, initialCode }: { onDone: (me: MeView) => void; initialCode?: string | null }) {
  const [found, setFound] = useState<{ code: string; household: CodeHouseholdView } | null>(null)
  const [error, setError] = useState<ErrorBody | null>(null)
  const { busy, run } = useSubmit()

  // opened from the QR on the household's bind notice: look the household up at once, no typing
  useEffect(() => {
    if (!initialCode) return
    void call('users', 'householdByCode', { code: initialCode }).then((res) =>
      res.ok ? setFound({ code: initialCode, household: res.data }) : setError(res.error),
    )
  }, [initialCode])

  const bind = (memberId: string | null, who: string) =>
    run(async () => {
      if (!found) return
      setError(null)
      if (!(await confirm('绑定住户', `确定以“${who}”的身份绑定 ${found.household.label} 吗？`, '确定绑定'))) return
      const res = await call('users', 'bindByCode', { code: found.code, memberId })
      if (!res.ok) return setError(res.error)
      toast(memberId ? '绑定成功' : '已绑定，社区核对后登记为家庭成员')
      setFound(null)
      onDone(res.data)
    })

  if (!found) {
    return (
      <View>
        {error ? <ErrorState error={error} /> : null}
        <CodeForm
          title='住户绑定码'
          hint='社区发给您家的绑定通知上的10位绑定码（也可以用微信扫通知上的二维码），输入后选择您是哪位家庭成员，无需等待审核。'
          length={10}
          submitText='查找这一户'
          confirmText={(c) => `用绑定码 ${c} 查找住户吗？`}
          onSubmit={async (code) => {
            const res = await call('users', 'householdByCode', { code })
            if (!res.ok) return res.error
            setFound({ code, household: res.data })
            return null
          }}
        />
      </View>
    )
  }
  const h = found.household
  const free = h.members.filter((m) => !m.taken)
  return (
    <View className='card bind-code-members'>
      <Text className='subtitle'>{`${h.communityName} ${h.label}`}</Text>
      <Text className='step'>请选择您是哪一位</Text>
      <ChoiceList
        choices={[
          ...free.map((m) => ({ id: m.memberId, label: m.name, hint: m.relation })),
          { id: NOT_LISTED, label: '名单上没有我', hint: '先绑定这一户，社区核对后把您登记为家庭成员' },
        ]}
        onChoose={(c) => !busy && void bind(c.id === NOT_LISTED ? null : c.id, c.id === NOT_LISTED ? '家庭成员（待社区核对）' : `${c.label}（${c.hint}）`)}
      />
      {h.members.length > free.length ? <Text className='muted'>{`另有 ${h.members.length - free.length} 位家庭成员已经绑定。`}</Text> : null}
      {error ? <ErrorState error={error} /> : null}
      <Button className='btn btn-plain btn-block' onClick={() => setFound(null)}>
        重新输入绑定码
      </Button>
    </View>
  )
}
