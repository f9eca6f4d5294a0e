import { useState } from 'react'
import { View, Text, Button } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { NoticeKind, NoticeSummary } from '../../../../../types'
import { NOTICE_KINDS, NOTICE_KIND_LABELS } from '../../../../../types/noticeLabels'
import { call } from '../../../../api'
import { usePaged } from '../../../../hooks/usePaged'
import { usePullToReload, useReloadOnReturn } from '../../../../hooks/useRefresh'
import { PagedFooter } from '../../../../components/PagedFooter'
import { Tabs } from '../../../../components/Chip'
import { MemberGate, useMemberCommunity } from '../../../../hooks/useMemberCommunity'
import { ORGANISERS } from '../../../../lib/roles'
import { Page } from '../../../../components/Page'
import { beijing } from '../../../../lib/time'
import '../../notice.css'

const day = (iso: string) => beijing(iso).format('YYYY年M月D日')

/** A button named by its words (置顶, kind, 未读, title, date), as the eye reads them. */
function NoticeCard({ n }: { n: NoticeSummary }) {
  const open = () => void Taro.navigateTo({ url: `/packages/notice/pages/detail/index?id=${encodeURIComponent(n.id)}` })
  return (
    <View className={`card list-item ${n.unread ? 'notice-unread' : ''}`} ariaRole='button' onClick={open}>
      <View className='row'>
        {n.pinned ? <Text className='tag'>置顶</Text> : null}
        <Text className='tag'>{n.kindLabel}</Text>
        {n.unread ? <Text className='notice-dot'>未读</Text> : null}
      </View>
      <Text className='list-item-title line'>{n.title}</Text>
      <Text className='list-item-meta line'>{`${day(n.publishedAt)} · ${n.audienceLabel}${n.readers !== null ? ` · ${n.readers} 人已读` : ''}`}</Text>
    </View>
  )
}

/** 社区公告: the notices for me, pinned first, newest next, unread marked; a tab per kind (三务公开). */
export default function NoticeList() {
  const member = useMemberCommunity()
  const { communityId } = member
  const [kind, setKind] = useState<NoticeKind | null>(null)
  const list = usePaged(
    (page) => (communityId ? call('notices', 'list', { communityId, page, pageSize: 20, ...(kind ? { kind } : {}) }) : null),
    [communityId, kind],
  )
  useReloadOnReturn(list.reload)
  usePullToReload(list.reload)
  const publisher = member.has(ORGANISERS)
  const tabs: { key: NoticeKind | null; label: string }[] = [
    { key: null, label: '全部' },
    ...NOTICE_KINDS.map((k) => ({ key: k, label: NOTICE_KIND_LABELS[k] })),
  ]

  return (
    <MemberGate member={member} needsHousehold='绑定住户后，就能看到社区发给您的公告。'>
      <Page className='notice-list'>
        {publisher ? (
          <Button
            className='btn btn-primary btn-big btn-block'
            onClick={() => void Taro.navigateTo({ url: `/packages/notice/pages/publish/index?communityId=${communityId}` })}
          >
            发布公告
          </Button>
        ) : null}
        <Tabs tabs={tabs} value={kind} onChange={setKind} />
        {list.items.map((n) => (
          <NoticeCard key={n.id} n={n} />
        ))}
        <PagedFooter list={list} emptyText='暂时没有给您的公告' />
      </Page>
    </MemberGate>
  )
}
