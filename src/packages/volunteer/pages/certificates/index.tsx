import { useMemo, useState } from 'react'
import { View, Text, Button, Input } from '@tarojs/components'
import type { CertificateView, ErrorBody } from '../../../../../types'
import { call, newRequestId } from '../../../../api'
import { usePaged } from '../../../../hooks/usePaged'
import { useSubmit } from '../../../../hooks/useRemote'
import { usePullToReload, useReloadOnReturn } from '../../../../hooks/useRefresh'
import { MemberGate, useMemberCommunity } from '../../../../hooks/useMemberCommunity'
import { ChoiceList } from '../../../../components/ChoiceList'
import { PagedFooter } from '../../../../components/PagedFooter'
import { toast } from '../../../../components/ConfirmModal'
import { ErrorState } from '../../../../components/States'
import { openDocument } from '../../../../components/openDocument'
import { Page } from '../../../../components/Page'
import { when } from '../../components/format'
import { chineseDate, periodChoices, periodText, serviceLine, typedDay } from '../../components/certificateFormat'
import '../../components/volunteer.css'
import '../../components/certificates.css'

function Certificate({ c, busy, onOpen }: { c: CertificateView; busy: boolean; onOpen: (c: CertificateView) => void }) {
  return (
    <View className='card'>
      <View className='row'>
        <Text className={`cert-status cert-status-${c.status}`}>{c.statusLabel}</Text>
      </View>
      <Text className='list-item-title line'>{periodText(c.from, c.to)}</Text>
      <Text className='line'>{serviceLine(c)}</Text>
      <Text className='list-item-meta line'>{`${when(c.requestedAt)} 申请${c.purpose ? `，用于${c.purpose}` : ''}`}</Text>
      {c.status === 'requested' ? <Text className='muted line'>社区工作人员出具后会通知您。</Text> : null}
      {c.number ? (
        <>
          <Text className='line'>证明编号</Text>
          <Text className='cert-number'>{c.number}</Text>
          <Text className='list-item-meta line'>{`${c.organisation} · ${c.issuerName}出具 · ${c.issuedAt ? when(c.issuedAt) : ''}`}</Text>
        </>
      ) : null}
      {c.status === 'declined' ? <Text className='warning'>{`未予出具：${c.declineReason ?? ''}（${c.declinedByName ?? ''}）`}</Text> : null}
      {c.status === 'revoked' ? (
        <Text className='warning'>{`已于${c.revokedAt ? when(c.revokedAt) : ''}作废：${c.revokeReason ?? ''}${c.revokeNote ? `。${c.revokeNote}` : ''}。扫码核验会显示已作废，可以重新申请。`}</Text>
      ) : null}
      {c.can.includes('open') ? (
        <>
          <Button className='btn btn-primary btn-block' disabled={busy} onClick={() => onOpen(c)}>
            打开证明（PDF）
          </Button>
          <Text className='muted line'>接收证明的学校或单位扫描证明上的二维码，就能核验真伪。</Text>
        </>
      ) : null}
    </View>
  )
}

/** 志愿服务证明: ask for a certificate of a period; see what was issued, open it, or why not. */
export default function Certificates() {
  const member = useMemberCommunity()
  const { communities, communityId } = member
  const choices = useMemo(() => periodChoices(), [])
  const [period, setPeriod] = useState(choices[0].id)
  const [from, setFrom] = useState('')
  const [to, setTo] = useState('')
  const [purpose, setPurpose] = useState('')
  const [requestId, setRequestId] = useState(newRequestId)
  const [error, setError] = useState<ErrorBody | null>(null)
  const { busy, run } = useSubmit()
  const list = usePaged((page) => (communityId ? call('volunteers', 'certificates', { communityId, scope: 'mine', page, pageSize: 20 }) : null), [communityId])
  useReloadOnReturn(list.reload)
  usePullToReload(list.reload)

  const ask = () =>
    run(async () => {
      if (!communityId) return
      setError(null)
      const chosen = choices.find((c) => c.id === period)!
      const range = chosen.id === 'custom' ? { from: typedDay(from), to: typedDay(to) } : { from: chosen.from, to: chosen.to }
      if (!range.from || !range.to) return toast('起止日期请写成 2026-01-01 这样')
      const res = await call('volunteers', 'requestCertificate', { communityId, requestId, from: range.from, to: range.to, purpose: purpose.trim() })
      if (!res.ok) return setError(res.error)
      setRequestId(newRequestId())
      setPurpose('')
      toast('已提交申请')
      list.reload()
    })

  const open = (c: CertificateView) =>
    run(async () => {
      setError(null)
      const res = await call('volunteers', 'certificateFile', { certificateId: c.id })
      if (!res.ok) return setError(res.error)
      await openDocument(res.data.url).catch(() => toast('没能打开文件，请稍后再试'))
    })

  return (
    <MemberGate member={member} needsHousehold='绑定住户后，就能申请志愿服务证明。'>
      <Page className='volunteer-certificates'>
        {communities.length > 1 ? (
          <ChoiceList
            label='社区'
            choices={communities.map((c) => ({ id: c.id, label: c.name }))}
            selectedId={communityId}
            onChoose={(c) => member.pick(c.id)}
          />
        ) : null}
        <View className='card form'>
          <Text className='subtitle line'>申请志愿服务证明</Text>
          <Text className='muted line'>证明列出这段时间的每次服务（日期、地点、内容、时长）、总时长、培训和表彰，由社区出具，带编号和核验二维码。</Text>
          <Text className='field-label'>证明哪段时间的服务</Text>
          <ChoiceList
            label='证明哪段时间的服务'
            choices={choices.map((c) => ({ id: c.id, label: c.label, hint: c.id === 'custom' ? undefined : `${chineseDate(c.from)} 至 ${chineseDate(c.to)}` }))}
            selectedId={period}
            onChoose={(c) => setPeriod(c.id)}
          />
          {period === 'custom' ? (
            <>
              <Text className='field-label'>开始日期</Text>
              <Input
                className='input'
                value={from}
                maxlength={10}
                ariaLabel='开始日期，如 2026-01-01'
                placeholder='2026-01-01'
                onInput={(e) => setFrom(e.detail.value)}
              />
              <Text className='field-label'>结束日期</Text>
              <Input
                className='input'
                value={to}
                maxlength={10}
                ariaLabel='结束日期，如 2026-06-30'
                placeholder='2026-06-30'
                onInput={(e) => setTo(e.detail.value)}
              />
            </>
          ) : null}
          <Text className='field-label'>用途（可不填）</Text>
          <Input
            className='input'
            value={purpose}
            maxlength={40}
            ariaLabel='证明的用途，可不填'
            placeholder='比如：升学、求职'
            onInput={(e) => setPurpose(e.detail.value)}
          />
          {error ? <ErrorState error={error} /> : null}
          <Button className='btn btn-primary btn-big btn-block' disabled={busy} onClick={() => void ask()}>
            提交申请
          </Button>
        </View>
        <Text className='subtitle line'>我的证明</Text>
        {list.items.map((c) => (
          <Certificate key={c.id} c={c} busy={busy} onOpen={(x) => void open(x)} />
        ))}
        <PagedFooter list={list} emptyText='还没有申请过证明' />
      </Page>
    </MemberGate>
  )
}
