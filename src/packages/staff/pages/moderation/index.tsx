import { useState } from 'react'
import { View, Text, Button, Image, Textarea } from '@tarojs/components'
import type { ModerationItemView } from '../../../../../types'
import { call } from '../../../../api'
import { usePaged } from '../../../../hooks/usePaged'
import { useSubmit } from '../../../../hooks/useRemote'
import { ChoiceList } from '../../../../components/ChoiceList'
import { PagedFooter } from '../../../../components/PagedFooter'
import { confirm, toast } from '../../../../components/ConfirmModal'
import { CommunityBar } from '../../components/CommunityBar'
import { useStaffCommunity } from '../../components/useStaffCommunity'
import { Page } from '../../../../components/Page'
import { beijing } from '../../../../lib/time'

const FILTERS: { id: 'pending' | 'all'; label: string }[] = [
  { id: 'pending', label: '待审核' },
  { id: 'all', label: '全部' },
]

/** One held text (and its photos): 公开 makes it public, 不予公开 keeps it hidden with a reason the record keeps. */
function Item({ item, onDecided }: { item: ModerationItemView; onDecided: (next: ModerationItemView) => void }) {
  const { busy, run } = useSubmit()
  const [rejecting, setRejecting] = useState(false)
  const [reason, setReason] = useState('')
  const decide = (publish: boolean) => {
    if (!publish && !reason.trim()) return toast('请填写不予公开的理由')
    return run(async () => {
      if (publish && !(await confirm('公开内容', `确认公开这条${item.kindLabel}的内容吗？公开后居民都能看到。`, '公开'))) return
      const res = await call('moderation', 'decide', { itemId: item.id, publish, ...(publish ? {} : { reason: reason.trim() }) })
      if (!res.ok) return toast(res.error.message)
      toast(publish ? '已公开' : '已不予公开')
      onDecided(res.data)
    })
  }
  return (
    <View className='list-item moderation-item'>
      <Text className='list-item-title'>{`${item.kindLabel} · ${item.byName}`}</Text>
      <Text className='moderation-text'>{item.text}</Text>
      {item.images.length ? (
        <View className='row'>
          {item.images.map((src) => (
            <Image
              key={src}
              className='thumb'
              src={src}
              mode='aspectFill'
              ariaLabel={`${item.kindLabel}的照片`}
              nativeProps={{ alt: `${item.kindLabel}的照片` }}
            />
          ))}
        </View>
      ) : null}
      <Text className='list-item-meta'>{`${beijing(item.createdAt).format('YYYY-MM-DD')}${item.awaitingImages ? ` · ${item.awaitingImages}张图片检测中` : ''}`}</Text>
      {item.status === 'pending' ? (
        <View>
          {rejecting ? (
            <Textarea
              className='textarea'
              value={reason}
              maxlength={200}
              ariaLabel='不予公开的理由'
              placeholder='居民和工作人员会看到这个理由'
              onInput={(e) => setReason(e.detail.value)}
            />
          ) : null}
          <View className='row'>
            <Button className='btn btn-primary' disabled={busy} onClick={() => void decide(true)}>
              公开
            </Button>
            <Button className='btn btn-secondary' disabled={busy} onClick={() => (rejecting ? void decide(false) : setRejecting(true))}>
              {rejecting ? '确认不予公开' : '不予公开'}
            </Button>
          </View>
        </View>
      ) : (
        <Text className='tag'>{item.reason ? `${item.statusLabel}：${item.reason}` : item.statusLabel}</Text>
      )}
    </View>
  )
}

/** The moderation queue: what WeChat's content check held for a person to look at. */
export default function Moderation() {
  const staff = useStaffCommunity()
  const communityId = staff.communityId
  const [status, setStatus] = useState<'pending' | 'all'>('pending')
  const list = usePaged<ModerationItemView>((page) => (communityId ? call('moderation', 'list', { communityId, status, page }) : null), [communityId, status])
  return (
    <Page className='staff-moderation'>
      <CommunityBar staff={staff}>
        <View className='card'>
          <ChoiceList selectedId={status} choices={FILTERS} onChoose={(c) => setStatus(c.id as 'pending' | 'all')} />
        </View>
        <View className='card'>
          {list.items.map((item) => (
            <Item key={item.id} item={item} onDecided={(next) => list.replace((x) => x.id === next.id, next)} />
          ))}
          <PagedFooter list={list} emptyText='没有待审核的内容' />
        </View>
      </CommunityBar>
    </Page>
  )
}
