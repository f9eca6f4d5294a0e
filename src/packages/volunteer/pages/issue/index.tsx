import { useState } from 'react'
import { View, Text, Button, Input, Textarea } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { REVOKE_REASONS, REVOKE_REASON_LABELS, type RevokeReason } from '../../../../../types/certificateLabels'
import type { CertificateView, ErrorBody } from '../../../../../types'
import { call } from '../../../../api'
import { useMe } from '../../../../hooks/useMe'
import { usePaged } from '../../../../hooks/usePaged'
import { useSubmit } from '../../../../hooks/useRemote'
import { usePullToReload, useReloadOnReturn } from '../../../../hooks/useRefresh'
import { ChoiceList } from '../../../../components/ChoiceList'
import { PagedFooter } from '../../../../components/PagedFooter'
import { Tabs } from '../../../../components/Chip'
import { confirm, toast } from '../../../../components/ConfirmModal'
import { ErrorState, Loading } from '../../../../components/States'
import { openDocument } from '../../../../components/openDocument'
import { Page } from '../../../../components/Page'
import { ORGANISERS } from '../../../../lib/roles'
import { when } from '../../components/format'
import { periodText, serviceLine } from '../../components/certificateFormat'
import '../../components/volunteer.css'
import '../../components/certificates.css'

type Tab = 'pending' | 'decided'
const TABS: { key: Tab; label: string; empty: string }[] = [
  { key: 'pending', label: '待出具', empty: '没有等待出具的申请' },
  { key: 'decided', label: '已处理', empty: '还没有出具过证明' },
]

/** What this phone last printed as the issuing organisation and its contact, per community. */
const ISSUER_KEY = (communityId: string) => `certificate-issuer:${communityId}`
const remembered = (communityId: string): { organisation: string; contact: string } | null => {
  try {
    const v = Taro.getStorageSync(ISSUER_KEY(communityId)) as { organisation?: string; contact?: string } | ''
    return v && typeof v === 'object' ? { organisation: v.organisation ?? '', contact: v.contact ?? '' } : null
  } catch {
    return null
  }
}

function Pending({ c, busy, onIssue, onDecline }: { c: CertificateView; busy: boolean; onIssue: () => void; onDecline: (reason: string) => Promise<boolean> }) {
  const [declining, setDeclining] = useState(false)
  const [reason, setReason] = useState('')
  return (
    <View className='card'>
      <Text className='list-item-title line'>{c.name}</Text>
      <Text className='line'>{periodText(c.from, c.to)}</Text>
      <Text className='line'>{serviceLine(c)}</Text>
      <Text className='list-item-meta line'>{`${when(c.requestedAt)} 申请${c.purpose ? `，用于${c.purpose}` : ''}`}</Text>
      <Button className='btn btn-primary btn-block' disabled={busy} onClick={onIssue}>
        {`出具${c.name}的证明`}
      </Button>
      <View className='row'>
        <Button
          className='btn btn-secondary'
          onClick={() =>
            void Taro.navigateTo({ url: `/packages/volunteer/pages/record/index?communityId=${c.communityId}&openid=${encodeURIComponent(c.openid)}` })
          }
        >
          查看服务记录
        </Button>
        {!declining ? (
          <Button className='btn btn-plain' onClick={() => setDeclining(true)}>
            不予出具
          </Button>
        ) : null}
      </View>
      {declining ? (
        <View className='form'>
          <Text className='field-label'>不予出具的原因（申请人会看到）</Text>
          <Textarea
            className='textarea'
            value={reason}
            maxlength={200}
            ariaLabel='不予出具的原因'
            placeholder='比如：5月1日的服务时长有误，更正后请重新申请'
            onInput={(e) => setReason(e.detail.value)}
          />
          <Button
            className='btn btn-primary btn-block'
            disabled={busy}
            onClick={() => {
              if (!reason.trim()) return toast('请填写原因')
              void onDecline(reason.trim()).then((done) => done && setDeclining(false))
            }}
          >
            确认不予出具
          </Button>
          <Button className='btn btn-plain btn-block' onClick={() => setDeclining(false)}>
            取消
          </Button>
        </View>
      ) : null}
    </View>
  )
}

function Decided({
  c,
  busy,
  onOpen,
  onRevoke,
}: {
  c: CertificateView
  busy: boolean
  onOpen: () => void
  onRevoke: (reason: RevokeReason, note: string) => Promise<boolean>
}) {
  const [revoking, setRevoking] = useState(false)
  const [reason, setReason] = useState<RevokeReason>('error')
  const [note, setNote] = useState('')
  return (
    <View className='card'>
      <View className='row'>
        <Text className={`cert-status cert-status-${c.status}`}>{c.statusLabel}</Text>
      </View>
      <Text className='list-item-title line'>{c.name}</Text>
      <Text className='line'>{periodText(c.from, c.to)}</Text>
      <Text className='line'>{serviceLine(c)}</Text>
      {c.number ? <Text className='cert-number'>{c.number}</Text> : null}
      {c.issuedAt ? <Text className='list-item-meta line'>{`${c.issuerName}出具 · ${when(c.issuedAt)}`}</Text> : null}
      {c.status === 'declined' ? <Text className='warning'>{`未予出具：${c.declineReason ?? ''}（${c.declinedByName ?? ''}）`}</Text> : null}
      {c.status === 'revoked' ? (
        <Text className='warning'>{`${c.revokedByName ?? ''}于${c.revokedAt ? when(c.revokedAt) : ''}作废：${c.revokeReason ?? ''}${c.revokeNote ? `。${c.revokeNote}` : ''}`}</Text>
      ) : null}
      <View className='row'>
        {c.can.includes('open') ? (
          <Button className='btn btn-secondary' disabled={busy} onClick={onOpen}>
            打开证明
          </Button>
        ) : null}
        {c.can.includes('revoke') && !revoking ? (
          <Button className='btn btn-plain' onClick={() => setRevoking(true)}>
            作废证明
          </Button>
        ) : null}
      </View>
      {revoking ? (
        <View className='form'>
          <Text className='field-label'>作废原因（核验页会显示）</Text>
          <ChoiceList
            label='作废原因'
            choices={REVOKE_REASONS.map((r) => ({ id: r, label: REVOKE_REASON_LABELS[r] }))}
            selectedId={reason}
            onChoose={(x) => setReason(x.id as RevokeReason)}
          />
          <Text className='field-label'>说明（只有本人和社区工作人员能看到，可不填）</Text>
          <Textarea className='textarea' value={note} maxlength={200} ariaLabel='作废说明，可不填' onInput={(e) => setNote(e.detail.value)} />
          <Button
            className='btn btn-primary btn-block'
            disabled={busy}
            onClick={() => void onRevoke(reason, note.trim()).then((done) => done && setRevoking(false))}
          >
            确认作废
          </Button>
          <Button className='btn btn-plain btn-block' onClick={() => setRevoking(false)}>
            取消
          </Button>
        </View>
      ) : null}
    </View>
  )
}

/** 出具志愿服务证明: the requests waiting (oldest first), issued with a number and a QR, or declined; issued ones opened or revoked. */
export default function IssueCertificates() {
  const me = useMe()
  const meData = me.state.status === 'ok' ? me.state.data : null
  const routed = useRouter()?.params?.communityId
  const mine = (meData?.roles ?? []).filter((r) => r.communityId && ORGANISERS.includes(r.role))
  const communityId = routed || mine[0]?.communityId || null
  const communityName = mine.find((r) => r.communityId === communityId)?.communityName ?? ''
  const [tab, setTab] = useState<Tab>('pending')
  const saved = communityId ? remembered(communityId) : null
  // null: not typed here, so what this phone printed last (or the residents' committee) stands
  const [organisation, setOrganisation] = useState<string | null>(null)
  const [typedContact, setContact] = useState<string | null>(null)
  const [error, setError] = useState<ErrorBody | null>(null)
  const { busy, run } = useSubmit()
  const list = usePaged(
    (page) => (communityId ? call('volunteers', 'certificates', { communityId, scope: tab, page, pageSize: 20 }) : null),
    [communityId, tab],
  )
  useReloadOnReturn(list.reload)
  usePullToReload(list.reload)
  const issuer = organisation ?? (saved?.organisation || (communityName ? `${communityName}居民委员会` : ''))
  const contact = typedContact ?? saved?.contact ?? ''
  const current = TABS.find((t) => t.key === tab) ?? TABS[0]

  if (me.state.status === 'loading' || me.state.status === 'idle') return <Loading />
  if (me.state.status === 'error')
    return (
      <Page>
        <ErrorState error={me.state.error} onRetry={me.reload} showHome />
      </Page>
    )
  if (!communityId)
    return (
      <Page>
        <ErrorState error={{ code: 'AUTH.FORBIDDEN', message: '只有社区工作人员可以出具志愿服务证明' }} showHome />
      </Page>
    )

  const issue = (c: CertificateView) =>
    run(async () => {
      setError(null)
      if (!issuer.trim() || !contact.trim()) return toast('请先填写出具单位和联系电话')
      if (
        !(await confirm(
          '出具证明',
          `为${c.name}出具${periodText(c.from, c.to)}的志愿服务证明（${serviceLine(c)}）。出具后证明带编号和核验二维码，确定出具吗？`,
          '出具',
        ))
      )
        return
      const res = await call('qrcodes', 'issueCertificate', { certificateId: c.id, organisation: issuer.trim(), contact: contact.trim() })
      if (!res.ok) return setError(res.error)
      Taro.setStorageSync(ISSUER_KEY(c.communityId), { organisation: issuer.trim(), contact: contact.trim() })
      toast(`已出具，编号 ${res.data.certificate.number}`)
      list.reload()
      await openDocument(res.data.url).catch(() => toast('证明已出具，但没能打开文件，可在“已处理”中再打开'))
    })

  const decline = (c: CertificateView, reason: string) =>
    run(async () => {
      setError(null)
      const res = await call('volunteers', 'declineCertificate', { certificateId: c.id, reason })
      if (!res.ok) {
        setError(res.error)
        return false
      }
      toast('已告知申请人')
      list.reload()
      return true
    }).then((done) => !!done)

  const open = (c: CertificateView) =>
    run(async () => {
      setError(null)
      const res = await call('volunteers', 'certificateFile', { certificateId: c.id })
      if (!res.ok) return setError(res.error)
      await openDocument(res.data.url).catch(() => toast('没能打开文件，请稍后再试'))
    })

  const revoke = (c: CertificateView, reason: RevokeReason, note: string) =>
    run(async () => {
      if (
        !(await confirm(
          '作废证明',
          `作废${c.name}的证明（编号 ${c.number}）后，扫码核验会显示“已作废”和原因“${REVOKE_REASON_LABELS[reason]}”，不能恢复。确定作废吗？`,
          '作废',
        ))
      )
        return false
      setError(null)
      const res = await call('volunteers', 'revokeCertificate', { certificateId: c.id, reason, note })
      if (!res.ok) {
        setError(res.error)
        return false
      }
      toast('证明已作废')
      list.reload()
      return true
    }).then((done) => !!done)

  return (
    <Page className='volunteer-issue'>
      <View className='card form'>
        <Text className='subtitle line'>证明上的出具单位</Text>
        <Text className='field-label'>出具单位</Text>
        <Input
          className='input'
          value={issuer}
          maxlength={40}
          ariaLabel='出具单位'
          placeholder='比如：幸福社区居民委员会'
          onInput={(e) => setOrganisation(e.detail.value)}
        />
        <Text className='field-label'>联系电话（单位电话，会印在证明上）</Text>
        <Input
          className='input'
          value={contact}
          maxlength={20}
          ariaLabel='出具单位的联系电话'
          placeholder='比如：028-87654321'
          onInput={(e) => setContact(e.detail.value)}
        />
        <Text className='muted line'>经办人为您本人，出具日期为今天。</Text>
      </View>
      <Tabs tabs={TABS} value={tab} onChange={setTab} />
      {error ? <ErrorState error={error} /> : null}
      {list.items.map((c) =>
        tab === 'pending' ? (
          <Pending key={c.id} c={c} busy={busy} onIssue={() => void issue(c)} onDecline={(reason) => decline(c, reason)} />
        ) : (
          <Decided key={c.id} c={c} busy={busy} onOpen={() => void open(c)} onRevoke={(reason, note) => revoke(c, reason, note)} />
        ),
      )}
      <PagedFooter list={list} emptyText={current.empty} />
    </Page>
  )
}
