import { useEffect, useState } from 'react'
import { View, Text, Button, Input, Textarea } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import type { ErrorBody, MatterKind } from '../../../../../types'
import { ART278_MAJOR, MATTER_KINDS, MATTER_KIND_LABELS } from '../../../../../types/councilLabels'
import { call, newRequestId } from '../../../../api'
import { useRemote, useSubmit } from '../../../../hooks/useRemote'
import { ChoiceList } from '../../../../components/ChoiceList'
import { confirm } from '../../../../components/ConfirmModal'
import { PhotoPicker } from '../../../../components/PhotoPicker'
import { ErrorState, Loading } from '../../../../components/States'
import { Page } from '../../../../components/Page'
import '../../components/council.css'

const MAX_OPTIONS = 6

/**
 * 党组织提议: title, background, plans (none: the vote is for / against), the buildings concerned (none: the whole
 * community), and, when drafted from a suggestion, the tickets that led to it as evidence.
 */
export default function Propose() {
  const params = useRouter()?.params ?? {}
  const communityId = params.communityId ?? ''
  const fromBuilding = params.building ?? ''
  const fromCategory = params.category ?? ''
  const directory = useRemote(() => (communityId ? call('places', 'directory', { communityId }) : null), [communityId])
  const suggestions = useRemote(() => (communityId && fromBuilding ? call('council', 'suggestions', { communityId }) : null), [communityId, fromBuilding])
  const [title, setTitle] = useState('')
  const [kind, setKind] = useState<MatterKind>('community')
  const [owners, setOwners] = useState(false)
  const [background, setBackground] = useState('')
  const [options, setOptions] = useState<string[]>([])
  const [buildings, setBuildings] = useState<string[]>(fromBuilding ? [fromBuilding] : [])
  const [ticketIds, setTicketIds] = useState<string[]>([])
  const [attachments, setAttachments] = useState<string[]>([])
  const [error, setError] = useState<ErrorBody | null>(null)
  const [key] = useState(newRequestId)
  const { busy, run } = useSubmit()

  const suggestion =
    suggestions.state.status === 'ok' ? suggestions.state.data.find((s) => s.buildingId === fromBuilding && s.category === fromCategory) : undefined
  useEffect(() => {
    if (!suggestion) return
    setTicketIds(suggestion.ticketIds)
    setTitle((t) => t || `${suggestion.buildingName}${suggestion.categoryLabel}问题的解决办法`)
    setBackground((b) => b || `近30天内${suggestion.buildingName}居民反映“${suggestion.categoryLabel}”问题 ${suggestion.count} 件，需要商议解决。`)
  }, [suggestion])

  if (!communityId)
    return (
      <Page>
        <ErrorState error={{ code: 'NOT_FOUND', message: '请从议事协商页进入' }} showHome />
      </Page>
    )
  if (directory.state.status === 'loading') return <Loading />
  const allBuildings = directory.state.status === 'ok' ? directory.state.data.buildings : []
  const toggle = (id: string) => setBuildings((bs) => (bs.includes(id) ? bs.filter((b) => b !== id) : [...bs, id]))

  const submit = () =>
    run(async () => {
      setError(null)
      const plans = options.map((o) => o.trim()).filter(Boolean)
      if (plans.length === 1) return setError({ code: 'INPUT.INVALID', message: '方案要么不填（表决同意与否），要么至少两个' })
      if (!(await confirm('提交提议', '提交后将进入两委商议环节，确定提交吗？', '提交'))) return
      const res = await call('council', 'propose', {
        communityId,
        requestId: key,
        title: title.trim(),
        kind,
        background: background.trim(),
        options: plans,
        attachments,
        buildingIds: buildings,
        ticketIds,
      })
      if (!res.ok) return setError(res.error)
      void Taro.redirectTo({ url: `/packages/council/pages/matter/index?id=${encodeURIComponent(res.data.id)}` })
    })

  return (
    <Page className='propose'>
      <View className='card form'>
        <Text className='field-label'>议题名称</Text>
        <Input className='input' value={title} maxlength={60} ariaLabel='议题名称' placeholder='比如：3栋加装电梯' onInput={(e) => setTitle(e.detail.value)} />
        <Text className='field-label'>议题类别（决定由谁表决、按什么规则计票）</Text>
        <ChoiceList
          selectedId={owners ? 'owners' : 'community'}
          choices={[
            { id: 'community', label: '社区公共事务', hint: '居民会议或居民代表会议决定' },
            { id: 'owners', label: '业主共同事务', hint: '民法典第278条，由业主按专有部分面积和人数表决' },
          ]}
          onChoose={(c) => {
            setOwners(c.id === 'owners')
            setKind(c.id === 'owners' ? 'art278_5' : 'community')
          }}
        />
        {owners ? (
          <ChoiceList
            selectedId={kind}
            choices={MATTER_KINDS.filter((k) => k !== 'community').map((k) => ({
              id: k,
              label: MATTER_KIND_LABELS[k],
              hint: ART278_MAJOR.includes(k) ? '重大事项：须四分之三以上同意' : '须过半数同意',
            }))}
            onChoose={(c) => setKind(c.id as MatterKind)}
          />
        ) : null}
        <Text className='field-label'>提议背景和理由</Text>
        <Textarea
          className='textarea'
          value={background}
          maxlength={5000}
          ariaLabel='提议背景和理由'
          placeholder='为什么要议、想怎么办'
          onInput={(e) => setBackground(e.detail.value)}
        />
        <Text className='field-label'>备选方案（可不填；填写则至少两个）</Text>
        {options.map((o, i) => (
          <View key={i} className='row'>
            <Input
              className='input'
              value={o}
              maxlength={100}
              ariaLabel={`方案${i + 1}`}
              placeholder={`方案${i + 1}`}
              onInput={(e) => setOptions((os) => os.map((x, j) => (j === i ? e.detail.value : x)))}
            />
            <Button className='btn btn-plain' onClick={() => setOptions((os) => os.filter((_, j) => j !== i))}>
              删除
            </Button>
          </View>
        ))}
        {options.length < MAX_OPTIONS ? (
          <Button className='btn btn-secondary btn-block' onClick={() => setOptions((os) => [...os, ''])}>
            添加方案
          </Button>
        ) : null}
        <Text className='field-label'>{buildings.length ? `涉及楼栋（已选 ${buildings.length} 栋）` : '涉及范围：全社区（点选楼栋可缩小范围）'}</Text>
        <ChoiceList
          choices={allBuildings.map((b) => ({ id: b.id, label: buildings.includes(b.id) ? `✓ ${b.name}` : b.name }))}
          onChoose={(c) => toggle(c.id)}
        />
        <PhotoPicker photos={attachments} onChange={setAttachments} max={9} label='附件照片（现场照片、方案图等）' />
        {ticketIds.length ? <Text className='muted'>{`将附上 ${ticketIds.length} 件居民报事作为依据`}</Text> : null}
      </View>
      {error ? <ErrorState error={error} /> : null}
      <Button className='btn btn-primary btn-big btn-block' disabled={busy} onClick={() => void submit()}>
        提交提议
      </Button>
    </Page>
  )
}
