import { useMemo, useState } from 'react'
import { View, Text, Button, Input, Textarea } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import type { ErrorBody, HouseholdView, ResidentView } from '../../../../../types'
import { call, newRequestId } from '../../../../api'
import { useMe } from '../../../../hooks/useMe'
import { useRemote, useSubmit } from '../../../../hooks/useRemote'
import { ChoiceList } from '../../../../components/ChoiceList'
import { confirm, toast } from '../../../../components/ConfirmModal'
import { ErrorState, Loading } from '../../../../components/States'
import { Page } from '../../../../components/Page'
import { beijing } from '../../../../lib/time'
import { when } from '../../components/format'
import '../../components/wish.css'

/** The next 7 days: 今天（11月22日 周日）, 明天…, then dates. */
const days = () =>
  Array.from({ length: 7 }, (_, i) => {
    const d = beijing().startOf('day').add(i, 'day')
    const date = d.format('M月D日 ddd')
    return { id: String(i), label: i === 0 ? `今天（${date}）` : i === 1 ? `明天（${date}）` : date, at: d }
  })

/** Parts of the day instead of a clock: easier to choose, and the two agree the hour (Beijing time). */
const SLOTS = [
  { id: '9', label: '上午（9点左右）' },
  { id: '14', label: '下午（2点左右）' },
  { id: '19', label: '晚上（7点左右）' },
]

/** Staff posting for a resident: find the household on the register, then the person in it. */
function WhoFor({ communityId, onPick }: { communityId: string; onPick: (p: { memberId: string; label: string } | null) => void }) {
  const [q, setQ] = useState('')
  const [query, setQuery] = useState<string | null>(null)
  const [household, setHousehold] = useState<HouseholdView | null>(null)
  const [memberId, setMemberId] = useState<string | null>(null)
  const found = useRemote(() => (query !== null ? call('places', 'households', { communityId, q: query, pageSize: 10 }) : null), [query])
  const detail = useRemote(() => (household ? call('places', 'household', { householdId: household.id }) : null), [household?.id])
  const households: HouseholdView[] = found.state.status === 'ok' ? found.state.data.items : []
  const people: ResidentView[] = detail.state.status === 'ok' ? detail.state.data.people : []
  const chooseHousehold = (id: string) => {
    setHousehold(households.find((h) => h.id === id) ?? null)
    setMemberId(null)
    onPick(null)
  }
  const chooseMember = (id: string) => {
    const m = people.find((p) => p.id === id)
    if (!m || !household) return
    setMemberId(m.id)
    onPick({ memberId: m.id, label: `${household.label} ${m.name}` })
  }
  return (
    <View className='card form'>
      <Text className='field-label'>为哪位居民发布（在住户名册中查找）</Text>
      <Input className='input' value={q} maxlength={20} ariaLabel='姓名或房号' placeholder='输入姓名或房号，如 301' onInput={(e) => setQ(e.detail.value)} />
      <Button className='btn btn-secondary btn-block' onClick={() => setQuery(q.trim())}>
        查找住户
      </Button>
      {found.state.status === 'loading' && query !== null ? <Loading /> : null}
      {found.state.status === 'error' ? <ErrorState error={found.state.error} /> : null}
      {found.state.status === 'ok' && !households.length ? <Text className='muted line'>没有找到，换个姓名或房号试试</Text> : null}
      {households.length ? (
        <ChoiceList
          label='住户'
          choices={households.map((h) => ({ id: h.id, label: h.label, hint: h.holderName ? `户主 ${h.holderName}` : undefined }))}
          selectedId={household?.id ?? null}
          onChoose={(c) => chooseHousehold(c.id)}
        />
      ) : null}
      {people.length ? (
        <View>
          <Text className='field-label'>是这户的哪一位</Text>
          <ChoiceList
            label='居民'
            choices={people.map((m) => ({ id: m.id, label: m.name, hint: m.relation }))}
            selectedId={memberId}
            onChoose={(c) => chooseMember(c.id)}
          />
        </View>
      ) : null}
    </View>
  )
}

/**
 * 发布微心愿: what help, and when. Where comes from the resident's bound household (nobody types an address); staff
 * posting for a resident pick them from the register. Nothing personal goes in the words: volunteers call through the app.
 */
export default function PostWish() {
  const params = useRouter()?.params ?? {}
  const staffFor = params.for === '1'
  const me = useMe()
  const [title, setTitle] = useState('')
  const [description, setDescription] = useState('')
  const [householdId, setHouseholdId] = useState<string | null>(null)
  const [member, setMember] = useState<{ memberId: string; label: string } | null>(null)
  const dayChoices = useMemo(days, [])
  const [day, setDay] = useState('1')
  const [slot, setSlot] = useState('9')
  const [error, setError] = useState<ErrorBody | null>(null)
  const [requestId] = useState(newRequestId)
  const { busy, run } = useSubmit()

  if (me.state.status === 'loading' || me.state.status === 'idle') return <Loading />
  if (me.state.status === 'error')
    return (
      <Page>
        <ErrorState error={me.state.error} onRetry={me.reload} showHome />
      </Page>
    )
  const communityId = params.communityId || me.state.data.roles.find((r) => r.communityId)?.communityId || ''
  const homes = me.state.data.households.filter((h) => h.communityId === communityId)
  const home = homes.find((h) => h.householdId === householdId) ?? homes[0] ?? null
  if (!communityId || (!staffFor && !home)) {
    return (
      <Page>
        <View className='card'>
          <Text className='line'>请先绑定您在本社区的住户：心愿会标明在哪栋楼附近，不用填写地址。</Text>
          <Button className='btn btn-primary btn-block' onClick={() => void Taro.switchTab({ url: '/pages/me/index' })}>
            去绑定住户
          </Button>
        </View>
      </Page>
    )
  }

  const submit = () =>
    run(async () => {
      setError(null)
      if (!title.trim()) return toast('请用一句话说说需要什么帮助')
      if (staffFor && !member) return toast('请先选择为哪位居民发布')
      const at = dayChoices[Number(day)].at.hour(Number(slot)).toDate()
      if (at.getTime() < Date.now() - 3_600_000) return toast('这个时间已经过了，请换一个')
      const whom = staffFor ? `为${member!.label}发布，审核已由您完成，志愿者马上能看到。` : '社区审核通过后，附近的志愿者和党员就能看到并认领。'
      if (!(await confirm('发布微心愿', `${title.trim()}\n希望 ${when(at.toISOString())}。${whom}`, '发布'))) return
      const common = { communityId, requestId, title: title.trim(), description: description.trim(), wantedAt: at.toISOString() }
      const res = staffFor
        ? await call('wishes', 'postFor', { ...common, memberId: member!.memberId })
        : await call('wishes', 'post', { ...common, ...(home ? { householdId: home.householdId } : {}) })
      if (!res.ok) return setError(res.error)
      void Taro.redirectTo({ url: `/packages/wish/pages/detail/index?id=${encodeURIComponent(res.data.id)}` })
    })

  return (
    <Page className='wish-post'>
      {staffFor ? (
        <WhoFor communityId={communityId} onPick={setMember} />
      ) : (
        <View className='card'>
          <Text className='field-label'>地点（取自您绑定的住户）</Text>
          {homes.length > 1 ? (
            <ChoiceList
              label='地点'
              choices={homes.map((h) => ({ id: h.householdId, label: `${h.buildingName} ${h.unitName}` }))}
              selectedId={home!.householdId}
              onChoose={(c) => setHouseholdId(c.id)}
            />
          ) : (
            <Text className='line'>{`${home!.buildingName} ${home!.unitName}附近`}</Text>
          )}
          <Text className='muted line'>志愿者只看到楼栋，不会看到门牌号；认领后通过小程序给您打电话。</Text>
        </View>
      )}
      <View className='card form'>
        <Text className='field-label'>需要什么帮助</Text>
        <Input
          className='input'
          value={title}
          maxlength={30}
          ariaLabel='需要什么帮助'
          placeholder='比如：帮忙换一下厨房的灯泡'
          onInput={(e) => setTitle(e.detail.value)}
        />
        <Text className='field-label'>说得再详细些（可不填）</Text>
        <Textarea
          className='textarea'
          value={description}
          maxlength={300}
          ariaLabel='详细说明'
          placeholder='不要填写电话和门牌号'
          onInput={(e) => setDescription(e.detail.value)}
        />
      </View>
      <View className='card form'>
        <Text className='field-label'>哪一天</Text>
        <ChoiceList label='哪一天' choices={dayChoices} selectedId={day} onChoose={(c) => setDay(c.id)} />
        <Text className='field-label'>什么时候</Text>
        <ChoiceList label='什么时候' choices={SLOTS} selectedId={slot} onChoose={(c) => setSlot(c.id)} />
      </View>
      {error ? <ErrorState error={error} /> : null}
      <Button className='btn btn-primary btn-big btn-block' disabled={busy} onClick={() => void submit()}>
        发布微心愿
      </Button>
    </Page>
  )
}
