import { useMemo, useState } from 'react'
import { View, Text, Button, Input, Textarea } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import type { ErrorBody } from '../../../../../types'
import { call, newRequestId } from '../../../../api'
import { useMe } from '../../../../hooks/useMe'
import { useSubmit } from '../../../../hooks/useRemote'
import { ChoiceList } from '../../../../components/ChoiceList'
import { confirm, toast } from '../../../../components/ConfirmModal'
import { ErrorState } from '../../../../components/States'
import { skillsOf, span } from '../../components/format'
import { Page } from '../../../../components/Page'
import { beijing } from '../../../../lib/time'
import '../../components/volunteer.css'

/** The next 14 days as choices: 今天（11月22日 周日）, 明天…, then dates. */
const days = () =>
  Array.from({ length: 14 }, (_, i) => {
    const d = beijing().startOf('day').add(i, 'day')
    const date = d.format('M月D日 ddd')
    return { id: String(i), label: i === 0 ? `今天（${date}）` : i === 1 ? `明天（${date}）` : date, at: d }
  })

const DURATIONS = [
  { id: '1', label: '1小时' },
  { id: '2', label: '2小时' },
  { id: '3', label: '3小时' },
  { id: '4', label: '半天（4小时）' },
]
const DEADLINES = [
  { id: '0', label: '活动开始时截止报名' },
  { id: '2', label: '开始前2小时截止' },
  { id: '24', label: '开始前1天截止' },
]

/** 发布志愿活动: what, where, when (a day, a start time, how long), how many people, until when people may sign up. */
export default function PublishActivity() {
  const communityId = useRouter()?.params?.communityId ?? ''
  const me = useMe()
  const communityName = me.state.status === 'ok' ? (me.state.data.roles.find((r) => r.communityId === communityId)?.communityName ?? '') : ''
  const dayChoices = useMemo(days, [])
  const [title, setTitle] = useState('')
  const [description, setDescription] = useState('')
  const [place, setPlace] = useState('')
  const [day, setDay] = useState('0')
  const [start, setStart] = useState('09:00')
  const [duration, setDuration] = useState('2')
  const [capacity, setCapacity] = useState('10')
  const [deadline, setDeadline] = useState('0')
  const [organiser, setOrganiser] = useState<string | null>(null)
  const [skills, setSkills] = useState('')
  const [error, setError] = useState<ErrorBody | null>(null)
  const [requestId] = useState(newRequestId)
  const { busy, run } = useSubmit()

  if (!communityId)
    return (
      <Page>
        <ErrorState error={{ code: 'NOT_FOUND', message: '请从志愿服务页进入' }} showHome />
      </Page>
    )
  const organiserName = organiser ?? communityName

  const submit = () =>
    run(async () => {
      setError(null)
      const m = /^(\d{1,2})[:：](\d{2})$/.exec(start.trim())
      if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) return toast('开始时间请写成 09:30 这样')
      const startAt = dayChoices[Number(day)].at.hour(Number(m[1])).minute(Number(m[2])).toDate()
      const endAt = new Date(startAt.getTime() + Number(duration) * 3_600_000)
      const closes = new Date(startAt.getTime() - Number(deadline) * 3_600_000)
      if (startAt.getTime() <= Date.now()) return toast('开始时间已经过了，请重新选择')
      const n = Number(capacity)
      if (!Number.isInteger(n) || n < 1) return toast('请填写招募人数')
      if (!(await confirm('发布活动', `${span(startAt.toISOString(), endAt.toISOString())}，招募 ${n} 人。发布后社区居民都能看到并报名，确定发布吗？`, '发布')))
        return
      const res = await call('volunteers', 'publish', {
        communityId,
        requestId,
        title: title.trim(),
        description: description.trim(),
        place: place.trim(),
        startAt: startAt.toISOString(),
        endAt: endAt.toISOString(),
        deadline: closes.toISOString(),
        capacity: n,
        organiser: organiserName.trim(),
        skills: skillsOf(skills),
      })
      if (!res.ok) return setError(res.error)
      void Taro.redirectTo({ url: `/packages/volunteer/pages/activity/index?id=${encodeURIComponent(res.data.id)}` })
    })

  return (
    <Page className='volunteer-publish'>
      <View className='card form'>
        <Text className='field-label'>活动名称</Text>
        <Input className='input' value={title} maxlength={40} ariaLabel='活动名称' placeholder='比如：周末楼道清扫' onInput={(e) => setTitle(e.detail.value)} />
        <Text className='field-label'>活动内容（可不填）</Text>
        <Textarea
          className='textarea'
          value={description}
          maxlength={2000}
          ariaLabel='活动内容'
          placeholder='做什么、要带什么、注意事项'
          onInput={(e) => setDescription(e.detail.value)}
        />
        <Text className='field-label'>活动地点</Text>
        <Input
          className='input'
          value={place}
          maxlength={60}
          ariaLabel='活动地点'
          placeholder='比如：社区党群服务中心门口'
          onInput={(e) => setPlace(e.detail.value)}
        />
      </View>
      <View className='card form'>
        <Text className='field-label'>哪一天</Text>
        <ChoiceList choices={dayChoices.slice(0, 7)} selectedId={day} onChoose={(c) => setDay(c.id)} />
        <Text className='field-label'>几点开始</Text>
        {/* typed, not a Picker: the picker's template would land in the main package's base.wxml */}
        <Input className='input' value={start} maxlength={5} ariaLabel='开始时间，如 09:30' placeholder='09:30' onInput={(e) => setStart(e.detail.value)} />
        <Text className='field-label'>活动多长时间</Text>
        <ChoiceList choices={DURATIONS} selectedId={duration} onChoose={(c) => setDuration(c.id)} />
        <Text className='field-label'>报名截止</Text>
        <ChoiceList choices={DEADLINES} selectedId={deadline} onChoose={(c) => setDeadline(c.id)} />
      </View>
      <View className='card form'>
        <Text className='field-label'>招募人数</Text>
        <Input className='input' type='number' value={capacity} maxlength={3} ariaLabel='招募人数' onInput={(e) => setCapacity(e.detail.value)} />
        <Text className='field-label'>组织单位</Text>
        <Input
          className='input'
          value={organiserName}
          maxlength={40}
          ariaLabel='组织单位'
          placeholder='比如：幸福社区党委'
          onInput={(e) => setOrganiser(e.detail.value)}
        />
        <Text className='field-label'>需要的技能（可不填，用逗号隔开）</Text>
        <Input
          className='input'
          value={skills}
          maxlength={100}
          ariaLabel='需要的技能，用逗号隔开'
          placeholder='比如：急救，摄影'
          onInput={(e) => setSkills(e.detail.value)}
        />
      </View>
      {error ? <ErrorState error={error} /> : null}
      <Button className='btn btn-primary btn-big btn-block' disabled={busy} onClick={() => void submit()}>
        发布活动
      </Button>
    </Page>
  )
}
