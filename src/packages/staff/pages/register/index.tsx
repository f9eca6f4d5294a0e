import { useState } from 'react'
import { View, Text, Button, Input } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { HouseholdView } from '../../../../../types'
import { OWNERSHIP_LABELS } from '../../../../../types/registerLabels'
import { call } from '../../../../api'
import { usePaged } from '../../../../hooks/usePaged'
import { PagedFooter } from '../../../../components/PagedFooter'
import { CommunityBar } from '../../components/CommunityBar'
import { useStaffCommunity } from '../../components/useStaffCommunity'
import { RegisterImport } from '../places/Tools'
import './register.css'

function Row({ h }: { h: HouseholdView }) {
  const owner = h.ownerName ? `产权人 ${h.ownerName}${h.ownership && h.ownership !== 'owned' ? `（${OWNERSHIP_LABELS[h.ownership]}）` : ''}` : '未登记产权人'
  const people = h.members ? `${h.members} 人（成年 ${h.adults} 人）` : '无登记人口'
  return (
    <View
      className='card list-item household-row'
      ariaRole='button'
      ariaLabel={`${h.label}，${h.holderName || '无户主'}，${people}，${owner}`}
      onClick={() => void Taro.navigateTo({ url: `/packages/staff/pages/register/household?id=${encodeURIComponent(h.id)}` })}
    >
      <Text className='list-item-title'>{`${h.label}${h.holderName ? ` · ${h.holderName}` : ''}`}</Text>
      <Text className='list-item-meta'>{`${people} · ${owner}${h.area ? ` · ${h.area} ㎡` : ''}`}</Text>
    </View>
  )
}

/** 住户名册: every household with its people and owner; a room number or name finds one; the import is here too. */
export default function Register() {
  const staff = useStaffCommunity()
  const communityId = staff.communityId
  const [q, setQ] = useState('')
  const [search, setSearch] = useState('')
  const list = usePaged<HouseholdView>(
    (page) => (communityId ? call('places', 'households', { communityId, page, ...(search ? { q: search } : {}) }) : null),
    [communityId, search],
  )
  return (
    <View className='page staff-register'>
      <CommunityBar staff={staff}>
        <View className='card form'>
          <Text className='field-label'>查找住户（房号或户主姓名）</Text>
          <View className='row'>
            <Input className='input' value={q} maxlength={20} ariaLabel='查找住户，输入房号或户主姓名' placeholder='如 301 或 王秀英' confirmType='search' onInput={(e) => setQ(e.detail.value)} onConfirm={() => setSearch(q.trim())} />
            <Button className='btn btn-secondary' onClick={() => setSearch(q.trim())}>
              查找
            </Button>
          </View>
          {search ? (
            <Button className='btn btn-plain btn-block' onClick={() => (setQ(''), setSearch(''))}>
              显示全部住户
            </Button>
          ) : null}
        </View>
        {list.items.map((h) => (
          <Row key={h.id} h={h} />
        ))}
        <PagedFooter {...list} count={list.items.length} onMore={list.loadMore} onRetry={list.reload} emptyText={search ? '没有找到符合的住户' : '名册还是空的：请导入住户名册表格'} />
        {communityId ? <RegisterImport communityId={communityId} onImported={list.reload} /> : null}
      </CommunityBar>
    </View>
  )
}
