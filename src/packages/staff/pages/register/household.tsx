import { useState } from 'react'
import { View, Text, Button, Input } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import type { HouseholdDetail, Ownership, ResidentView } from '../../../../../types'
import { OWNERSHIPS, OWNERSHIP_LABELS, RELATIONS } from '../../../../../types/registerLabels'
import { call } from '../../../../api'
import { useRemote } from '../../../../hooks/useRemote'
import { useAction } from '../../../../hooks/useAction'
import { ChoiceList } from '../../../../components/ChoiceList'
import { confirm } from '../../../../components/ConfirmModal'
import { ErrorState, Loading } from '../../../../components/States'
import { openDocument } from '../../../../components/openDocument'
import { Page } from '../../../../components/Page'
import { beijing } from '../../../../lib/time'
import './register.css'

const NONE = 'none'

/** Add or correct one person: name, relation (picked, or typed), birth date or year, phone. */
function MemberForm({
  householdId,
  member,
  busy,
  onSave,
  onCancel,
}: {
  householdId: string
  member: ResidentView | null
  busy: boolean
  onSave: (input: { householdId: string; memberId?: string; name: string; relation: string; birth: string | null; phone?: string | null }) => void
  onCancel: () => void
}) {
  const [name, setName] = useState(member?.name ?? '')
  const [relation, setRelation] = useState(member?.relation ?? '户主')
  const [birth, setBirth] = useState(member?.birth ?? '')
  const [phone, setPhone] = useState('')
  return (
    <View className='card form'>
      <Text className='subtitle'>{member ? `修改：${member.name}` : '新增家庭成员'}</Text>
      <Text className='field-label'>姓名</Text>
      <Input className='input' value={name} maxlength={20} ariaLabel='姓名' onInput={(e) => setName(e.detail.value)} />
      <Text className='field-label'>与户主关系</Text>
      <ChoiceList selectedId={relation} choices={RELATIONS.map((r) => ({ id: r, label: r }))} onChoose={(c) => setRelation(c.id)} />
      <Text className='field-label'>出生日期或年份（判断是否年满18周岁）</Text>
      <Input
        className='input'
        value={birth}
        maxlength={10}
        ariaLabel='出生日期，如 1950-03-08，或出生年份 1950'
        placeholder='如 1950-03-08 或 1950'
        onInput={(e) => setBirth(e.detail.value)}
      />
      <Text className='field-label'>{member?.phone ? `电话（现为 ${member.phone}，不改可不填）` : '电话（可不填）'}</Text>
      <Input className='input' type='number' value={phone} maxlength={12} ariaLabel='电话，可不填' onInput={(e) => setPhone(e.detail.value)} />
      <Button
        className='btn btn-primary btn-block'
        disabled={busy}
        onClick={() =>
          onSave({
            householdId,
            ...(member ? { memberId: member.id } : {}),
            name: name.trim(),
            relation,
            birth: birth.trim() || null,
            ...(phone.trim() ? { phone: phone.trim() } : member ? {} : { phone: null }),
          })
        }
      >
        保存
      </Button>
      <Button className='btn btn-plain btn-block' onClick={onCancel}>
        取消
      </Button>
    </View>
  )
}

/** Who owns the dwelling, how it is held and its registered exclusive area: what an owners' vote counts. */
function OwnerForm({
  h,
  busy,
  onSave,
  onCancel,
}: {
  h: HouseholdDetail
  busy: boolean
  onSave: (input: { householdId: string; area: number | null; ownership: Ownership | null; ownerName: string; ownerRef: string }) => void
  onCancel: () => void
}) {
  const [ownership, setOwnership] = useState<string>(h.ownership ?? NONE)
  const [name, setName] = useState(h.owner?.name ?? '')
  const [ref, setRef] = useState(h.owner?.ref ?? '')
  const [area, setArea] = useState(h.area ? String(h.area) : '')
  const none = ownership === NONE
  return (
    <View className='card form'>
      <Text className='subtitle'>登记产权</Text>
      <Text className='field-label'>产权状态</Text>
      <ChoiceList
        selectedId={ownership}
        choices={[...OWNERSHIPS.map((o) => ({ id: o, label: OWNERSHIP_LABELS[o] })), { id: NONE, label: '暂不登记' }]}
        onChoose={(c) => setOwnership(c.id)}
      />
      {!none ? (
        <View>
          <Text className='field-label'>{ownership === 'owned' ? '产权人（共有的写全部姓名，如 张三、李四）' : '开发商名称'}</Text>
          <Input
            className='input'
            value={name}
            maxlength={40}
            ariaLabel={ownership === 'owned' ? '产权人姓名' : '开发商名称'}
            onInput={(e) => setName(e.detail.value)}
          />
          {ownership === 'owned' ? (
            <View>
              <Text className='field-label'>产权人编号（同一人有多套房时填同一编号；可不填）</Text>
              <Input className='input' value={ref} maxlength={30} ariaLabel='产权人编号，可不填' onInput={(e) => setRef(e.detail.value)} />
            </View>
          ) : null}
        </View>
      ) : null}
      <Text className='field-label'>专有部分面积（平方米）</Text>
      <Input className='input' type='digit' value={area} maxlength={8} ariaLabel='专有部分面积，平方米' onInput={(e) => setArea(e.detail.value)} />
      <Button
        className='btn btn-primary btn-block'
        disabled={busy}
        onClick={() =>
          onSave({
            householdId: h.id,
            area: area.trim() ? Number(area) : null,
            ownership: none ? null : (ownership as Ownership),
            ownerName: none ? '' : name.trim(),
            ownerRef: none || ownership !== 'owned' ? '' : ref.trim(),
          })
        }
      >
        保存
      </Button>
      <Button className='btn btn-plain btn-block' onClick={onCancel}>
        取消
      </Button>
    </View>
  )
}

/** One household of the register: its people (and who uses the app as whom), its owner, its bind code. */
export default function Household() {
  const rawId = useRouter()?.params?.id
  const id = rawId ? decodeURIComponent(rawId) : ''
  const { state, reload, setData } = useRemote(() => (id ? call('places', 'household', { householdId: id }) : null), [id])
  const [form, setForm] = useState<{ kind: 'member'; member: ResidentView | null } | { kind: 'owner' } | null>(null)
  const { act, busy, run, error, setError } = useAction<HouseholdDetail>({ setData, onDone: () => setForm(null) })

  if (!id)
    return (
      <Page>
        <ErrorState error={{ code: 'NOT_FOUND', message: '请从住户名册进入' }} showHome />
      </Page>
    )
  if (state.status === 'loading' || state.status === 'idle') return <Loading />
  if (state.status === 'error')
    return (
      <Page>
        <ErrorState error={state.error} onRetry={reload} showHome />
      </Page>
    )
  const h = state.data

  const printNotice = () =>
    run(async () => {
      if (h.bindCodeUntil && !(await confirm('重新打印绑定通知', '将生成新的绑定码，原通知上的码立即作废。确定吗？', '重新生成'))) return
      const res = await call('qrcodes', 'bindNotices', { communityId: h.communityId, householdIds: [h.id] })
      if (!res.ok) return setError(res.error)
      reload()
      await openDocument(res.data.url)
    })
  const revoke = async () => {
    if (!(await confirm('作废绑定码', '作废后，这户的绑定通知上的码不能再使用。确定吗？', '作废'))) return
    await act(() => call('places', 'revokeBindCode', { householdId: h.id }), '已作废')
  }
  const remove = async (m: ResidentView) => {
    if (!(await confirm('移出名册', `确定把${m.name}从${h.label}的名册中移出吗？已开始的表决名单不受影响。`, '移出'))) return
    await act(() => call('places', 'removeMember', { memberId: m.id }), '已移出')
  }

  return (
    <Page className='staff-household'>
      <View className='card'>
        <Text className='title'>{h.label}</Text>
        <Text className='muted line'>{`${h.members} 人，其中年满18周岁 ${h.adults} 人${h.area ? ` · 专有部分 ${h.area} ㎡` : ' · 未登记面积'}`}</Text>
        <Text className='line'>
          {h.bindCodeUntil ? `住户绑定码：已发放，${beijing(h.bindCodeUntil).format('YYYY-MM-DD')}前有效` : '住户绑定码：未发放或已作废'}
        </Text>
        <Text className='muted line'>绑定码只印在发给本户的绑定通知上，页面上不显示。通知丢失或被他人看到时，请作废后重新打印。</Text>
        <View className='row'>
          <Button className='btn btn-secondary' disabled={busy} onClick={() => void printNotice()}>
            {h.bindCodeUntil ? '重新打印绑定通知' : '打印绑定通知'}
          </Button>
          {h.bindCodeUntil ? (
            <Button className='btn btn-plain' disabled={busy} onClick={() => void revoke()}>
              作废绑定码
            </Button>
          ) : null}
        </View>
      </View>

      <View className='card'>
        <Text className='subtitle'>家庭成员</Text>
        {h.people.length === 0 ? <Text className='muted'>没有登记人口（如空置或业主不在此居住）</Text> : null}
        {h.people.map((m) => (
          <View key={m.id} className='person'>
            <Text className='person-name'>{`${m.name}（${m.relation}）`}</Text>
            <Text className='muted line'>
              {`${m.birth ? `${m.birth}生 · ` : ''}${m.adult ? '已成年' : '未成年'}${m.phone ? ` · ${m.phone}` : ''} · ${m.boundTo ? `已绑定小程序（${m.boundTo}）` : '未使用小程序'}`}
            </Text>
            <View className='row'>
              <Button className='btn btn-secondary' onClick={() => setForm({ kind: 'member', member: m })}>
                修改
              </Button>
              <Button className='btn btn-plain' disabled={busy} onClick={() => void remove(m)}>
                移出名册
              </Button>
            </View>
          </View>
        ))}
        <Button className='btn btn-secondary btn-block' onClick={() => setForm({ kind: 'member', member: null })}>
          新增家庭成员
        </Button>
      </View>

      <View className='card'>
        <Text className='subtitle'>产权</Text>
        {h.owner ? (
          <View>
            <Text className='line'>{`${h.owner.kind === 'developer' ? '开发商' : '产权人'}：${h.owner.name}${h.owner.ref ? `（编号 ${h.owner.ref}）` : ''}${h.ownership && h.ownership !== 'owned' ? ` · ${OWNERSHIP_LABELS[h.ownership]}` : ''}`}</Text>
            <Text className='muted line'>{`名下房屋 ${h.owner.units.length} 套：${h.owner.units.join('、')}`}</Text>
            <Text className='muted line'>{h.owner.boundTo ? `已绑定小程序（${h.owner.boundTo}）` : '产权人未使用小程序：业主表决时由工作人员录入纸质票'}</Text>
          </View>
        ) : (
          <Text className='muted'>未登记产权人：不能发起涉及这栋楼的业主表决</Text>
        )}
        <Button className='btn btn-secondary btn-block' onClick={() => setForm({ kind: 'owner' })}>
          登记产权
        </Button>
      </View>

      {form?.kind === 'member' ? (
        <MemberForm
          key={form.member?.id ?? 'new'}
          householdId={h.id}
          member={form.member}
          busy={busy}
          onCancel={() => setForm(null)}
          onSave={(input) => void act(() => call('places', 'saveMember', input), '已保存')}
        />
      ) : null}
      {form?.kind === 'owner' ? (
        <OwnerForm h={h} busy={busy} onCancel={() => setForm(null)} onSave={(input) => void act(() => call('places', 'setOwner', input), '已保存')} />
      ) : null}
      {error ? <ErrorState error={error} /> : null}
    </Page>
  )
}
