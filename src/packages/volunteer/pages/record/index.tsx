import { useMemo, useState } from 'react'
import { View, Text, Button } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import type { ErrorBody, RecordEntryView } from '../../../../../types'
import { call } from '../../../../api'
import { useMe } from '../../../../hooks/useMe'
import { useRemote, useSubmit } from '../../../../hooks/useRemote'
import { usePullToReload, useReloadOnReturn } from '../../../../hooks/useRefresh'
import { ChoiceList } from '../../../../components/ChoiceList'
import { ErrorState, Loading } from '../../../../components/States'
import { COMMUNITY_MEMBERS, ORGANISERS, communitiesWithRole } from '../../../../lib/roles'
import { beijing } from '../../../../lib/time'
import { openSheet } from '../../../../components/openDocument'
import { hours, when } from '../../components/format'
import { Page } from '../../../../components/Page'
import '../../components/volunteer.css'
// after volunteer.css, as on the certificate pages: one order of the two stylesheets in the subpackage's chunk
import { RecordNotes } from '../../components/RecordNotes'

function Entry({ e }: { e: RecordEntryView }) {
  return (
    <View className='list-item'>
      <Text className='list-item-title line'>{e.title}</Text>
      <Text className='list-item-meta line'>{`${e.date} · ${e.place} · ${e.organiser}`}</Text>
      {e.checkinAt ? (
        <Text className='list-item-meta line'>{`签到 ${when(e.checkinAt)}${e.checkoutAt ? `，签退 ${when(e.checkoutAt)}` : '，未签退'}`}</Text>
      ) : null}
      <Text className='line'>
        {e.hours === null ? '尚未计入时长' : `服务时长 ${hours(e.hours)}${e.recorderName ? `（${e.recorderName}确认${e.adjusted ? '，已更正' : ''}）` : ''}`}
      </Text>
    </View>
  )
}

/** 志愿服务记录: my activities, hours per year and in total; organisers look up a volunteer's and export it as Excel. */
export default function VolunteerRecord() {
  const params = useRouter()?.params ?? {}
  const openid = params.openid ? decodeURIComponent(params.openid) : undefined
  const me = useMe()
  const meData = me.state.status === 'ok' ? me.state.data : null
  const communities = useMemo(() => communitiesWithRole(meData, COMMUNITY_MEMBERS), [meData])
  const communityId = params.communityId || communities[0]?.id || null
  const record = useRemote(() => (communityId ? call('volunteers', 'record', { communityId, ...(openid ? { openid } : {}) }) : null), [communityId, openid])
  const [year, setYear] = useState<number>(() => beijing().year())
  const [error, setError] = useState<ErrorBody | null>(null)
  const { busy, run } = useSubmit()
  useReloadOnReturn(record.reload)
  usePullToReload(record.reload)

  if (me.state.status === 'loading' || record.state.status === 'loading') return <Loading />
  if (me.state.status === 'error')
    return (
      <Page>
        <ErrorState error={me.state.error} onRetry={me.reload} showHome />
      </Page>
    )
  if (!communityId || record.state.status === 'idle')
    return (
      <Page>
        <ErrorState error={{ code: 'NOT_FOUND', message: '绑定住户后才有志愿服务记录' }} showHome />
      </Page>
    )
  if (record.state.status === 'error')
    return (
      <Page>
        <ErrorState error={record.state.error} onRetry={record.reload} showHome />
      </Page>
    )
  const r = record.state.data
  const organiser = (meData?.roles ?? []).some((x) => x.communityId === communityId && ORGANISERS.includes(x.role))
  const thisYear = beijing().year()
  const years = [thisYear, thisYear - 1, thisYear - 2]

  const exportSheet = (input: { openid: string } | { year: number }) =>
    run(async () => {
      setError(null)
      const res = await call('sheets', 'exportVolunteers', { communityId, ...input })
      if (!res.ok) return setError(res.error)
      await openSheet(res.data)
    })

  return (
    <Page className='volunteer-record'>
      <View className='card'>
        <Text className='subtitle line'>{`${r.name} · ${r.communityName}`}</Text>
        <Text className='muted line'>累计服务时长</Text>
        <Text className='vol-total'>{hours(r.totalHours)}</Text>
        <Text className='line'>{`参加活动 ${r.activities} 次`}</Text>
        {r.years.map((y) => (
          <View key={y.year} className='vol-year' ariaLabel={`${y.year}年 ${hours(y.hours)}，${y.activities} 次`}>
            <Text>{`${y.year}年`}</Text>
            <Text>{`${hours(y.hours)} · ${y.activities} 次`}</Text>
          </View>
        ))}
      </View>

      <View className='card'>
        <Text className='subtitle line'>参加的活动</Text>
        {r.entries.length ? (
          r.entries.map((e) => <Entry key={e.activityId} e={e} />)
        ) : (
          <Text className='muted line'>还没有参加过活动，去志愿服务里报名吧。</Text>
        )}
      </View>

      {/* training, commendations, evaluations (organisers add them on someone else's record); then certificates */}
      <RecordNotes communityId={communityId} openid={openid} />
      {!openid ? (
        <Button
          className='btn btn-primary btn-big btn-block'
          onClick={() => void Taro.navigateTo({ url: `/packages/volunteer/pages/certificates/index?communityId=${communityId}` })}
        >
          申请志愿服务证明
        </Button>
      ) : null}

      {error ? <ErrorState error={error} /> : null}
      {organiser ? (
        <View className='card'>
          <Text className='subtitle line'>导出记录（Excel）</Text>
          {openid ? (
            <Button className='btn btn-secondary btn-block' disabled={busy} onClick={() => void exportSheet({ openid })}>
              {`导出${r.name}的记录`}
            </Button>
          ) : null}
          <Text className='field-label'>全社区某一年的记录</Text>
          <ChoiceList choices={years.map((y) => ({ id: String(y), label: `${y}年` }))} selectedId={String(year)} onChoose={(c) => setYear(Number(c.id))} />
          <Button className='btn btn-secondary btn-block' disabled={busy} onClick={() => void exportSheet({ year })}>
            {`导出${year}年全社区记录`}
          </Button>
        </View>
      ) : null}
    </Page>
  )
}
