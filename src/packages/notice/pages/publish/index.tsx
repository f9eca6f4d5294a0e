import { useState } from 'react'
import { View, Text, Button, Input, Textarea } from '@tarojs/components'
import { Toggle } from '../../../../components/Chip'
import Taro, { useRouter } from '@tarojs/taro'
import type { ErrorBody, NoticeKind, NoticeScope } from '../../../../../types'
import { NOTICE_KINDS, NOTICE_KIND_LABELS } from '../../../../../types/noticeLabels'
import { call, newRequestId } from '../../../../api'
import { pickPdf, uploadPhoto } from '../../../../api/upload'
import { useRemote, useSubmit } from '../../../../hooks/useRemote'
import { ChoiceList } from '../../../../components/ChoiceList'
import { confirm } from '../../../../components/ConfirmModal'
import { PhotoPicker } from '../../../../components/PhotoPicker'
import { ErrorState, Loading } from '../../../../components/States'
import { Page } from '../../../../components/Page'
import '../../notice.css'

const SCOPES: { id: NoticeScope; label: string }[] = [
  { id: 'community', label: '全社区' },
  { id: 'grid', label: '一个网格' },
  { id: 'buildings', label: '选定楼栋' },
]
const EXPIRY = [
  { id: '0', label: '长期有效' },
  { id: '7', label: '7天后下架' },
  { id: '30', label: '30天后下架' },
]

/** 发布公告: kind, whom it is for (community, a grid, buildings), title, body, photos, pinned, expiry. */
export default function PublishNotice() {
  const communityId = useRouter()?.params?.communityId ?? ''
  const tree = useRemote(() => (communityId ? call('places', 'tree', { communityId }) : null), [communityId])
  const [kind, setKind] = useState<NoticeKind>('general')
  const [scope, setScope] = useState<NoticeScope>('community')
  const [gridId, setGridId] = useState<string | null>(null)
  const [buildings, setBuildings] = useState<string[]>([])
  const [title, setTitle] = useState('')
  const [body, setBody] = useState('')
  const [images, setImages] = useState<string[]>([])
  const [files, setFiles] = useState<{ fileID: string; name: string }[]>([])
  const [pinned, setPinned] = useState(false)
  const [expiry, setExpiry] = useState('0')
  const [error, setError] = useState<ErrorBody | null>(null)
  const [requestId] = useState(newRequestId)
  const { busy, run } = useSubmit()

  if (!communityId)
    return (
      <Page>
        <ErrorState error={{ code: 'NOT_FOUND', message: '请从社区公告页进入' }} showHome />
      </Page>
    )
  if (tree.state.status === 'loading') return <Loading />
  if (tree.state.status === 'error')
    return (
      <Page>
        <ErrorState error={tree.state.error} onRetry={tree.reload} />
      </Page>
    )
  const grids = tree.state.status === 'ok' ? tree.state.data.grids : []
  const allBuildings = tree.state.status === 'ok' ? tree.state.data.buildings : []

  const addPdf = () =>
    run(async () => {
      const picked = await pickPdf()
      if (!picked) return
      const name = /\.pdf$/i.test(picked.name) ? picked.name : `${picked.name}.pdf`
      const res = await uploadPhoto(picked.file)
      if (!res.ok) return setError(res.error)
      setFiles((fs) => [...fs, { fileID: res.fileID, name: name.slice(-80) }])
    })

  const submit = () =>
    run(async () => {
      setError(null)
      const days = Number(expiry)
      const audience = scope === 'grid' ? { scope, gridIds: gridId ? [gridId] : [] } : scope === 'buildings' ? { scope, buildingIds: buildings } : { scope }
      if (!(await confirm('发布公告', `发布后${scope === 'community' ? '全社区' : '所选范围'}的居民都能看到，确定发布吗？`, '发布'))) return
      const res = await call('notices', 'publish', {
        communityId,
        requestId,
        kind,
        title: title.trim(),
        body: body.trim(),
        images,
        files,
        audience,
        pinned,
        ...(days ? { expiresAt: new Date(Date.now() + days * 86_400_000).toISOString() } : {}),
      })
      if (!res.ok) return setError(res.error)
      void Taro.redirectTo({ url: `/packages/notice/pages/detail/index?id=${encodeURIComponent(res.data.id)}` })
    })

  return (
    <Page className='notice-publish'>
      <View className='card form'>
        <Text className='field-label'>公告类别</Text>
        <ChoiceList
          choices={NOTICE_KINDS.map((k) => ({ id: k, label: NOTICE_KIND_LABELS[k] }))}
          selectedId={kind}
          onChoose={(c) => setKind(c.id as NoticeKind)}
        />
        <Text className='field-label'>发给谁</Text>
        <ChoiceList choices={SCOPES} selectedId={scope} onChoose={(c) => setScope(c.id as NoticeScope)} />
        {scope === 'grid' ? (
          <ChoiceList choices={grids.map((g) => ({ id: g.id, label: g.name }))} selectedId={gridId} onChoose={(c) => setGridId(c.id)} />
        ) : null}
        {scope === 'buildings' ? (
          <ChoiceList
            choices={allBuildings.map((b) => ({ id: b.id, label: buildings.includes(b.id) ? `✓ ${b.name}` : b.name }))}
            onChoose={(c) => setBuildings((bs) => (bs.includes(c.id) ? bs.filter((x) => x !== c.id) : [...bs, c.id]))}
          />
        ) : null}
        <Text className='field-label'>标题</Text>
        <Input
          className='input'
          value={title}
          maxlength={60}
          ariaLabel='公告标题'
          placeholder='比如：2026年第三季度财务公开'
          onInput={(e) => setTitle(e.detail.value)}
        />
        <Text className='field-label'>正文</Text>
        <Textarea className='textarea' value={body} maxlength={10000} ariaLabel='公告正文' placeholder='公告内容' onInput={(e) => setBody(e.detail.value)} />
        <PhotoPicker photos={images} onChange={setImages} max={9} label='公告图片' />
        {files.map((f) => (
          <View key={f.fileID} className='row'>
            <Text className='line'>{`附件：${f.name}`}</Text>
            <Button className='btn btn-plain' ariaLabel={`删除附件${f.name}`} onClick={() => setFiles((fs) => fs.filter((x) => x.fileID !== f.fileID))}>
              删除
            </Button>
          </View>
        ))}
        {files.length < 5 ? (
          <Button className='btn btn-secondary btn-block' disabled={busy} onClick={() => void addPdf()}>
            添加PDF附件
          </Button>
        ) : null}
        <Toggle on={pinned} label='置顶' onChange={setPinned} />
        <Text className='field-label'>有效期</Text>
        <ChoiceList choices={EXPIRY} selectedId={expiry} onChoose={(c) => setExpiry(c.id)} />
      </View>
      {error ? <ErrorState error={error} /> : null}
      <Button className='btn btn-primary btn-big btn-block' disabled={busy} onClick={() => void submit()}>
        发布
      </Button>
    </Page>
  )
}
