import { useRef, useState } from 'react'
import { View, Text, Button, Input, Textarea } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { BuildingView, ErrorBody, UnitView } from '../../../../../types'
import type { TicketCategory, TicketView } from '../../../../../types/tickets'
import { call, newRequestId } from '../../../../api'
import { useRemote, useSubmit } from '../../../../hooks/useRemote'
import { ErrorState, Loading } from '../../../../components/States'
import { PhotoPicker } from '../../../../components/PhotoPicker'
import { Chip, checkedAttr } from '../../../../components/Chip'
import { CommunityBar } from '../../components/CommunityBar'
import { useStaffCommunity } from '../../components/useStaffCommunity'
import { Page } from '../../../../components/Page'
import '../../../../components/tickets.css'

const CHANNELS = [
  { key: 'phone', label: '电话' },
  { key: 'visit', label: '来访' },
] as const

/**
 * 代办: a resident phoned or came in; staff record the ticket for them. The place is picked (building → unit, from
 * places.tree, which carries the unit's place code), never typed.
 */
function OnBehalfForm({ communityId }: { communityId: string }) {
  const tree = useRemote(() => call('places', 'tree', { communityId }), [communityId])
  const categories = useRemote(() => call('tickets', 'categories', { communityId }), [communityId])
  const [building, setBuilding] = useState<BuildingView | null>(null)
  const [unit, setUnit] = useState<UnitView | null>(null)
  const [category, setCategory] = useState<TicketCategory | null>(null)
  const [channel, setChannel] = useState<'phone' | 'visit'>('phone')
  const [name, setName] = useState('')
  const [phone, setPhone] = useState('')
  const [text, setText] = useState('')
  const [photos, setPhotos] = useState<string[]>([])
  const [error, setError] = useState<ErrorBody | null>(null)
  const [done, setDone] = useState<TicketView | null>(null)
  const requestId = useRef(newRequestId())
  const { busy, run } = useSubmit()

  if (tree.state.status === 'loading' || categories.state.status === 'loading') return <Loading />
  if (tree.state.status === 'error') return <ErrorState error={tree.state.error} onRetry={tree.reload} />
  if (categories.state.status === 'error') return <ErrorState error={categories.state.error} onRetry={categories.reload} />
  if (tree.state.status !== 'ok' || categories.state.status !== 'ok') return null
  const buildings = tree.state.data.buildings
  const cats = categories.state.data

  const reset = () => {
    requestId.current = newRequestId()
    setDone(null)
    setUnit(null)
    setCategory(null)
    setName('')
    setPhone('')
    setText('')
    setPhotos([])
  }

  if (done) {
    return (
      <View className='card success' ariaRole='alert'>
        <Text className='success-title'>已登记</Text>
        <Text className='ticket-excerpt'>{`${done.categoryLabel} · ${done.placeLabel}，已转给${done.assignee ? done.assignee.name : '所在网格'}办理。`}</Text>
        <Button
          className='btn btn-primary btn-block'
          onClick={() => void Taro.navigateTo({ url: `/packages/grid/pages/handle/index?id=${encodeURIComponent(done.id)}` })}
        >
          查看这件报事
        </Button>
        <Button className='btn btn-secondary btn-block' onClick={reset}>
          再登记一件
        </Button>
      </View>
    )
  }

  const submit = () =>
    run(async () => {
      const bad = (message: string) => setError({ code: 'INPUT.INVALID', message })
      if (!unit) return bad('请选择楼栋和单元')
      if (!category) return bad('请选择问题类型')
      if (!name.trim()) return bad('请填写居民姓名')
      if (phone.trim() && !/^1\d{10}$/.test(phone.trim())) return bad('请填写11位手机号')
      if (!text.trim()) return bad('请记录居民反映的问题')
      setError(null)
      const res = await call('tickets', 'fileOnBehalf', {
        requestId: requestId.current,
        placeCode: unit.code,
        category: category.key,
        text: text.trim(),
        photos,
        channel,
        residentName: name.trim(),
        ...(phone.trim() ? { residentPhone: phone.trim() } : {}),
      })
      if (res.ok) setDone(res.data)
      else setError(res.error)
    })

  return (
    <View>
      <View className='card'>
        <Text className='subtitle'>1. 地点</Text>
        <View className='filter-row' ariaRole='radiogroup' ariaLabel='楼栋'>
          {buildings.map((b) => (
            <Chip key={b.id} on={building?.id === b.id} label={b.name} onClick={() => (setBuilding(b), setUnit(null))} />
          ))}
        </View>
        {building ? (
          <View className='filter-row' ariaRole='radiogroup' ariaLabel='单元'>
            {building.units.map((u) => (
              <Chip key={u.id} on={unit?.id === u.id} label={u.name} onClick={() => setUnit(u)} />
            ))}
          </View>
        ) : null}
      </View>
      <View className='card'>
        <Text className='subtitle'>2. 问题类型</Text>
        <View className='category-grid' ariaRole='radiogroup' ariaLabel='问题类型'>
          {cats.map((c) => (
            <View
              key={c.key}
              className={`category-btn ${category?.key === c.key ? 'category-btn-on' : ''}`}
              ariaRole='radio'
              {...checkedAttr(category?.key === c.key)}
              onClick={() => setCategory(c)}
            >
              <Text>{c.label}</Text>
            </View>
          ))}
        </View>
      </View>
      <View className='card'>
        <Text className='subtitle'>3. 居民与渠道</Text>
        <View className='filter-row' ariaRole='radiogroup' ariaLabel='反映渠道'>
          {CHANNELS.map((c) => (
            <Chip key={c.key} on={channel === c.key} label={c.label} onClick={() => setChannel(c.key)} />
          ))}
        </View>
        <Text className='field-label'>居民姓名</Text>
        <Input className='input' value={name} maxlength={20} ariaLabel='居民姓名' placeholder='必填' onInput={(e) => setName(e.detail.value)} />
        <Text className='field-label'>联系电话（可不填）</Text>
        <Input
          className='input'
          type='number'
          value={phone}
          maxlength={11}
          ariaLabel='居民联系电话，可不填'
          placeholder='11位手机号'
          onInput={(e) => setPhone(e.detail.value)}
        />
        <Text className='field-label'>反映的问题</Text>
        <Textarea
          className='textarea'
          value={text}
          maxlength={500}
          ariaLabel='居民反映的问题'
          placeholder='记录居民的原话'
          onInput={(e) => setText(e.detail.value)}
        />
        <Text className='counter'>{`${text.length}/500`}</Text>
        <PhotoPicker photos={photos} onChange={setPhotos} />
      </View>
      {error ? <ErrorState error={error} /> : null}
      <Button className='btn btn-primary btn-big btn-block' disabled={busy} loading={busy} onClick={() => void submit()}>
        登记
      </Button>
    </View>
  )
}

export default function OnBehalf() {
  const staff = useStaffCommunity()
  return (
    <Page className='staff-onbehalf'>
      <CommunityBar staff={staff}>{staff.communityId ? <OnBehalfForm communityId={staff.communityId} /> : null}</CommunityBar>
    </Page>
  )
}
