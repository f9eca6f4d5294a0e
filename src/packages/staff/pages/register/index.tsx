import { useState } from 'react'
import { View, Text, Button, Input } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { HouseholdView } from '../../../../../types'
import { OWNERSHIP_LABELS } from '../../../../../types/registerLabels'
import { call } from '../../../../api'
import { usePaged } from '../../../../hooks/usePaged'
import { useSubmit } from '../../../../hooks/useRemote'
import { confirm, toast } from '../../../../components/ConfirmModal'
import { openDocument } from '../../../../components/openDocument'
import { PagedFooter } from '../../../../components/PagedFooter'
import { CommunityBar } from '../../components/CommunityBar'
import { useStaffCommunity } from '../../components/useStaffCommunity'
import { RegisterImport } from '../places/Tools'
import { Page } from '../../../../components/Page'
import { useWide } from '../../../../hooks/useWide'
import './register.css'
import '../../components/wide.css'

/** Bind notices for every household: new codes, printed once, handed to each household; the old codes stop working. */
function BindNotices({ communityId, onPrinted }: { communityId: string; onPrinted: () => void }) {
  const { busy, run } = useSubmit()
  const print = () =>
    run(async () => {
      if (
        !(await confirm(
          '打印全部住户绑定通知',
          '将为本社区每户生成新的绑定码（60天内有效），原来发出的绑定码全部作废。请把每户的通知只交给本户。确定吗？',
          '生成',
        ))
      )
        return
      const res = await call('qrcodes', 'bindNotices', { communityId })
      if (!res.ok) return toast(res.error.message)
      toast(`已生成${res.data.households}户的绑定通知，共${res.data.pages}页`)
      onPrinted()
      await openDocument(res.data.url)
    })
  return (
    <View className='card'>
      <Text className='subtitle'>住户绑定通知</Text>
      <Text className='muted'>每户一张（A4 纸四张），印有本户的绑定码和二维码。居民扫码或输入绑定码即可绑定，无需等待审核。单户补发请在住户详情中操作。</Text>
      <Button className='btn btn-secondary btn-block' disabled={busy} loading={busy} onClick={() => void print()}>
        打印全部住户绑定通知
      </Button>
    </View>
  )
}

function Row({ h }: { h: HouseholdView }) {
  const owner = h.ownerName ? `产权人 ${h.ownerName}${h.ownership && h.ownership !== 'owned' ? `（${OWNERSHIP_LABELS[h.ownership]}）` : ''}` : '未登记产权人'
  const people = h.members ? `${h.members} 人（成年 ${h.adults} 人）` : '无登记人口'
  return (
    <View
      className='card list-item household-row'
      // named by its two lines, as the eye reads them
      ariaRole='button'
      onClick={() => openHousehold(h)}
    >
      <Text className='list-item-title'>{`${h.label}${h.holderName ? ` · ${h.holderName}` : ''}`}</Text>
      <Text className='list-item-meta'>{`${people} · ${owner}${h.area ? ` · ${h.area} ㎡` : ''}`}</Text>
    </View>
  )
}

const openHousehold = (h: HouseholdView) => void Taro.navigateTo({ url: `/packages/staff/pages/register/household?id=${encodeURIComponent(h.id)}` })

/** The roll as a table on a wide screen (H5 console): one row per household, its room a button that opens it. */
function HouseholdTable({ items, caption }: { items: HouseholdView[]; caption: string }) {
  return (
    <table className='desk-table wide-table household-table'>
      <caption className='desk-caption'>{caption}</caption>
      <thead>
        <tr>
          <th scope='col'>住户</th>
          <th scope='col'>户主</th>
          <th scope='col' className='num'>
            登记人口
          </th>
          <th scope='col' className='num'>
            成年
          </th>
          <th scope='col'>产权人</th>
          <th scope='col' className='num'>
            面积（㎡）
          </th>
          <th scope='col' className='num'>
            已绑定居民
          </th>
        </tr>
      </thead>
      <tbody>
        {items.map((h) => (
          <tr key={h.id} onClick={() => openHousehold(h)}>
            <th scope='row'>
              <button type='button' className='row-button' onClick={(e) => (e.stopPropagation(), openHousehold(h))}>
                {h.label}
              </button>
            </th>
            <td>{h.holderName || '—'}</td>
            <td className='num'>{h.members}</td>
            <td className='num'>{h.adults}</td>
            <td>{h.ownerName ? `${h.ownerName}${h.ownership && h.ownership !== 'owned' ? `（${OWNERSHIP_LABELS[h.ownership]}）` : ''}` : '未登记'}</td>
            <td className='num'>{h.area ?? '—'}</td>
            <td className='num'>{h.boundResidents}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

/** 住户名册: every household with its people and owner; a room number or name finds one; the import is here too. */
export default function Register() {
  const staff = useStaffCommunity()
  const communityId = staff.communityId
  // false on weapp; the branches below test the build constant too, so weapp's bundle drops the wide layout's code
  const wide = useWide()
  const [q, setQ] = useState('')
  const [search, setSearch] = useState('')
  const list = usePaged<HouseholdView>(
    (page) => (communityId ? call('places', 'households', { communityId, page, ...(search ? { q: search } : {}) }) : null),
    [communityId, search],
  )
  return (
    <Page className={`staff-register${wide ? ' desk' : ''}`}>
      <CommunityBar staff={staff}>
        <View className='card form'>
          <Text className='field-label'>查找住户（房号或户主姓名）</Text>
          <View className='row'>
            <Input
              className='input'
              value={q}
              maxlength={20}
              ariaLabel='查找住户，输入房号或户主姓名'
              placeholder='如 301 或 王秀英'
              confirmType='search'
              onInput={(e) => setQ(e.detail.value)}
              onConfirm={() => setSearch(q.trim())}
            />
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
        {process.env.TARO_ENV === 'h5' && wide ? (
          list.items.length ? (
            <HouseholdTable
              items={list.items}
              caption={`住户名册：${search ? `“${search}”的查找结果，` : ''}共 ${list.total} 户，已显示 ${list.items.length} 户`}
            />
          ) : null
        ) : (
          list.items.map((h) => <Row key={h.id} h={h} />)
        )}
        <PagedFooter list={list} emptyText={search ? '没有找到符合的住户' : '名册还是空的：请导入住户名册表格'} />
        {communityId ? <BindNotices communityId={communityId} onPrinted={list.reload} /> : null}
        {communityId ? <RegisterImport communityId={communityId} onImported={list.reload} /> : null}
      </CommunityBar>
    </Page>
  )
}
