import { useEffect, useMemo, useState } from 'react'
import { View, Text, Button, Input } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { certificateNumberFrom } from '../../../../../types/certificateLabels'
import type { CertificateCheckView } from '../../../../../types'
import { call, isError, type CallError, type CallErrorCode } from '../../../../api'
import { useSubmit } from '../../../../hooks/useRemote'
import { toast } from '../../../../components/ConfirmModal'
import { ErrorState, Loading } from '../../../../components/States'
import { Page } from '../../../../components/Page'
import { chineseDate, hoursText, periodText } from '../../components/certificateFormat'
import '../../components/volunteer.css'
import '../../components/certificates.css'

const decodeOnce = (s: string) => {
  try {
    return decodeURIComponent(s)
  } catch {
    return s
  }
}

/** The number a scan or link opened the page with: WeChat's `q` (the QR's whole link, encoded once), or `no`. */
const launchNumber = (params: Record<string, string | undefined>): string | null =>
  certificateNumberFrom(params.q ? decodeOnce(params.q) : null) ?? certificateNumberFrom(params.no ? decodeOnce(params.no) : null)

type Checked =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ok'; data: CertificateCheckView }
  | { status: 'error'; error: CallError<CallErrorCode<'volunteers', 'verifyCertificate'>> }

function Verdict({ c }: { c: CertificateCheckView }) {
  const valid = c.status === 'valid'
  return (
    <View className={`cert-verdict ${valid ? 'cert-valid' : 'cert-void'}`} ariaRole='status'>
      <Text className='cert-verdict-title'>{valid ? '✓ 证明有效' : '✗ 证明已作废'}</Text>
      <Text className='cert-verdict-text'>
        {valid
          ? `这份证明由${c.organisation}于${chineseDate(c.issuedOn)}出具，内容以下方为准。`
          : `出具单位已于${c.revokedOn ? chineseDate(c.revokedOn) : ''}作废这份证明${c.revokeReason ? `，原因：${c.revokeReason}` : ''}。它不再证明下列服务。`}
      </Text>
    </View>
  )
}

function Facts({ c }: { c: CertificateCheckView }) {
  return (
    <>
      <View className='card'>
        <Text className='line'>证明编号</Text>
        <Text className='cert-number'>{c.number}</Text>
        <View className='kv'>
          <Text className='kv-key'>志愿者</Text>
          <Text>{c.volunteerName}</Text>
        </View>
        <View className='kv'>
          <Text className='kv-key'>服务期间</Text>
          <Text>{periodText(c.from, c.to)}</Text>
        </View>
        <View className='kv'>
          <Text className='kv-key'>服务次数</Text>
          <Text>{`${c.activities.length} 次`}</Text>
        </View>
        <View className='kv'>
          <Text className='kv-key'>累计时长</Text>
          <Text>{`${hoursText(c.totalHours)}（${c.totalDuration}）`}</Text>
        </View>
        <View className='kv'>
          <Text className='kv-key'>出具单位</Text>
          <Text>{c.organisation}</Text>
        </View>
        <View className='kv'>
          <Text className='kv-key'>经办人</Text>
          <Text>{c.issuerName}</Text>
        </View>
        <View className='kv'>
          <Text className='kv-key'>联系电话</Text>
          <Text>{c.contact}</Text>
        </View>
        <View className='kv'>
          <Text className='kv-key'>出具日期</Text>
          <Text>{chineseDate(c.issuedOn)}</Text>
        </View>
      </View>
      <View className='card'>
        <Text className='subtitle line'>服务记录</Text>
        {c.activities.map((a, i) => (
          <View key={`${a.date}-${i}`} className='cert-row'>
            <Text className='line'>{`${a.date} · ${a.duration}`}</Text>
            <Text className='line'>{a.content}</Text>
            <Text className='list-item-meta line'>{a.place}</Text>
          </View>
        ))}
      </View>
      <View className='card'>
        <Text className='subtitle line'>培训经历</Text>
        {c.training.length ? (
          c.training.map((t, i) => (
            <Text key={i} className='line'>{`${t.date} ${t.title}（${[t.organisation, t.hours ? `${t.hours}学时` : ''].filter(Boolean).join('，')}）`}</Text>
          ))
        ) : (
          <Text className='muted line'>无</Text>
        )}
        <Text className='subtitle line'>表彰奖励</Text>
        {c.commendations.length ? (
          c.commendations.map((t, i) => <Text key={i} className='line'>{`${t.date} ${t.title}（${t.organisation}）`}</Text>)
        ) : (
          <Text className='muted line'>无</Text>
        )}
      </View>
    </>
  )
}

/**
 * 证明核验: what a certificate's QR opens, for whoever received the paper — no sign-in. Says whether the certificate
 * stands and what it states; the name masked (type the name on the paper to compare), no phone. A number can also be
 * typed, for a paper whose QR is damaged.
 */
export default function VerifyCertificate() {
  const params = (useRouter()?.params ?? {}) as Record<string, string | undefined>
  const { q, no } = params
  const launched = useMemo(() => launchNumber({ q, no }), [q, no])
  const [number, setNumber] = useState<string | null>(launched)
  const [typed, setTyped] = useState('')
  const [name, setName] = useState('')
  const [checked, setChecked] = useState<Checked>(launched ? { status: 'loading' } : { status: 'idle' })
  const { busy, run } = useSubmit()

  const check = (n: string, withName?: string) =>
    run(async () => {
      setChecked({ status: 'loading' })
      const res = await call('volunteers', 'verifyCertificate', { number: n, ...(withName ? { name: withName } : {}) })
      setChecked(res.ok ? { status: 'ok', data: res.data } : { status: 'error', error: res.error })
    })

  useEffect(() => {
    if (launched) void check(launched)
    // eslint-disable-next-line react-hooks/exhaustive-deps -- check once per launch number; `check` is a new function each render
  }, [launched])

  const lookUp = () => {
    const n = certificateNumberFrom(typed)
    if (!n) return toast('编号应为 ZY 开头的 18 位字母数字，如 ZY-ABCD-EFGH-JKMN-PQRS')
    setNumber(n)
    setName('')
    void check(n)
  }

  const result = checked.status === 'ok' ? checked.data : null
  const unknown = checked.status === 'error' && isError(checked.error, 'CERTIFICATE.UNKNOWN_NUMBER')

  return (
    <Page className='volunteer-verify'>
      {checked.status === 'loading' ? <Loading text='正在核验…' /> : null}
      {unknown ? (
        <View className='cert-verdict cert-void' ariaRole='alert'>
          <Text className='cert-verdict-title'>✗ 查无此证明</Text>
          <Text className='cert-verdict-text'>{checked.error.message}</Text>
        </View>
      ) : null}
      {checked.status === 'error' && !unknown ? <ErrorState error={checked.error} onRetry={number ? () => void check(number) : undefined} /> : null}
      {result ? (
        <>
          <Verdict c={result} />
          <View className='card form'>
            <Text className='field-label'>核对姓名：输入证明上印的姓名</Text>
            <Input
              className='input'
              value={name}
              maxlength={40}
              ariaLabel='证明上印的姓名'
              placeholder='证明上的姓名'
              onInput={(e) => setName(e.detail.value)}
            />
            <Button className='btn btn-secondary btn-block' disabled={busy || !name.trim()} onClick={() => void check(result.number, name.trim())}>
              核对姓名
            </Button>
            {result.nameMatches === true ? <Text className='cert-match cert-match-yes'>✓ 姓名与出具记录一致</Text> : null}
            {result.nameMatches === false ? <Text className='cert-match cert-match-no'>✗ 姓名与出具记录不一致，请联系出具单位核实</Text> : null}
          </View>
          <Facts c={result} />
        </>
      ) : null}
      <View className='card form'>
        <Text className='subtitle line'>{result || unknown ? '核验另一份证明' : '输入证明编号核验'}</Text>
        <Text className='muted line'>扫描证明右下角的二维码即可核验；二维码破损时，输入证明上方的编号。</Text>
        <Input
          className='input'
          value={typed}
          maxlength={40}
          ariaLabel='证明编号'
          placeholder='ZY-ABCD-EFGH-JKMN-PQRS'
          onInput={(e) => setTyped(e.detail.value)}
        />
        <Button className='btn btn-primary btn-block' disabled={busy} onClick={lookUp}>
          核验
        </Button>
      </View>
    </Page>
  )
}
