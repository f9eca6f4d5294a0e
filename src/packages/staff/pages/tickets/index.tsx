import { useState, type ReactNode } from 'react'
import { View, Text, Button } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import type { ErrorBody, MemberView, PlaceTree } from '../../../../../types'
import type { TicketCategory, TicketState, TicketSummary } from '../../../../../types/tickets'
import { TICKET_STATES, TICKET_STATE_LABELS } from '../../../../../types/ticketLabels'
import { call } from '../../../../api'
import { usePaged } from '../../../../hooks/usePaged'
import { useRemote, useSubmit } from '../../../../hooks/useRemote'
import { GRID_ROLES, TICKET_SUPERVISORS } from '../../../../lib/roles'
import { ErrorState, Loading } from '../../../../components/States'
import { PagedFooter } from '../../../../components/PagedFooter'
import { TicketCard } from '../../../../components/TicketCard'
import { ChoiceList } from '../../../../components/ChoiceList'
import { Chip } from '../../../../components/Chip'
import { confirm, toast } from '../../../../components/ConfirmModal'
import { openSheet } from '../../../../components/openDocument'
import { CommunityBar } from '../../components/CommunityBar'
import { useStaffCommunity } from '../../components/useStaffCommunity'
import { Page } from '../../../../components/Page'
import { TicketHeader } from '../../../../components/TicketHeader'
import { Timeline } from '../../../../components/Timeline'
import { useWide } from '../../../../hooks/useWide'
import { TicketTable } from '../../components/TicketTable'
import '../../../../components/tickets.css'
import '../../components/wide.css'

export interface Filters {
  state?: TicketState
  gridId?: string
  buildingId?: string
  category?: string
  overdue?: boolean
}

function Chips<K extends string>({
  label,
  options,
  value,
  onChange,
}: {
  label: string
  options: { key: K; label: string }[]
  value: K | undefined
  onChange: (k: K | undefined) => void
}) {
  return (
    <View className='filter-row' ariaRole='radiogroup' ariaLabel={label}>
      <Text className='field-label'>{label}</Text>
      {[{ key: undefined as K | undefined, label: '全部' }, ...options].map((o) => (
        <Chip key={o.key ?? '*'} on={value === o.key} label={o.label} name={`${label}：${o.label}`} onClick={() => onChange(o.key)} />
      ))}
    </View>
  )
}

function FilterBar({
  tree,
  categories,
  filters,
  onChange,
}: {
  tree: PlaceTree | null
  categories: TicketCategory[]
  filters: Filters
  onChange: (f: Filters) => void
}) {
  const buildings = (tree?.buildings ?? []).filter((b) => !filters.gridId || b.gridId === filters.gridId)
  return (
    <View className='card filters'>
      <Chips
        label='状态'
        options={TICKET_STATES.map((s) => ({ key: s, label: TICKET_STATE_LABELS[s] }))}
        value={filters.state}
        onChange={(state) => onChange({ ...filters, state })}
      />
      <View className='filter-row'>
        <Chip role='switch' on={!!filters.overdue} label='只看超时' onClick={() => onChange({ ...filters, overdue: filters.overdue ? undefined : true })} />
      </View>
      {tree?.grids.length ? (
        <Chips
          label='网格'
          options={tree.grids.map((g) => ({ key: g.id, label: g.name }))}
          value={filters.gridId}
          onChange={(gridId) => onChange({ ...filters, gridId, buildingId: undefined })}
        />
      ) : null}
      {buildings.length ? (
        <Chips
          label='楼栋'
          options={buildings.map((b) => ({ key: b.id, label: b.name }))}
          value={filters.buildingId}
          onChange={(buildingId) => onChange({ ...filters, buildingId })}
        />
      ) : null}
      {categories.length ? (
        <Chips
          label='类别'
          options={categories.map((c) => ({ key: c.key, label: c.label }))}
          value={filters.category}
          onChange={(category) => onChange({ ...filters, category })}
        />
      ) : null}
    </View>
  )
}

function ReassignPicker({ communityId, ticket, onDone }: { communityId: string; ticket: TicketSummary; onDone: () => void }) {
  const members = useRemote(() => call('users', 'listMembers', { communityId }), [communityId])
  const { busy, run } = useSubmit()
  const [error, setError] = useState<ErrorBody | null>(null)
  if (members.state.status === 'loading' || members.state.status === 'idle') return <Loading text='正在加载网格员…' />
  if (members.state.status === 'error') return <ErrorState error={members.state.error} onRetry={members.reload} />
  const list = members.state.data.filter((m: MemberView) => m.roles.some((r) => GRID_ROLES.includes(r)))
  const pick = (m: MemberView) =>
    run(async () => {
      if (!(await confirm('改派', `把这件报事改派给${m.name}？`, '确定改派'))) return
      const res = await call('tickets', 'reassign', { ticketId: ticket.id, toOpenid: m.openid })
      if (!res.ok) return setError(res.error)
      toast(`已改派给${m.name}`)
      onDone()
    })
  return (
    <View>
      <Text className='field-label'>改派给</Text>
      {list.length ? (
        <ChoiceList
          choices={list.map((m) => ({ id: m.openid, label: m.name, hint: m.roles.includes('grid_leader') ? '网格长' : '网格员' }))}
          onChoose={(c) => !busy && void pick(list.find((m) => m.openid === c.id)!)}
        />
      ) : (
        <Text className='muted'>本社区还没有网格员</Text>
      )}
      {error ? <ErrorState error={error} /> : null}
    </View>
  )
}

/** The wide console's ticket beside the list: what it is, its history, and the staff's actions on it. */
function TicketPane({ id, children }: { id: string; children: ReactNode }) {
  const { state, reload } = useRemote(() => call('tickets', 'get', { ticketId: id }), [id])
  return (
    <View className='wide-detail' ariaRole='region' ariaLabel='报事详情'>
      {state.status === 'error' ? (
        <ErrorState error={state.error} onRetry={reload} />
      ) : state.status !== 'ok' ? (
        <Loading />
      ) : (
        <View>
          <TicketHeader ticket={state.data} />
          {children}
          <View className='card'>
            <Text className='subtitle'>办理过程</Text>
            <Timeline entries={state.data.timeline} />
          </View>
        </View>
      )}
    </View>
  )
}

/** All tickets of the community with filters and paging; reassign; merge a duplicate into another ticket; export as Excel. */
export default function StaffTickets() {
  const staff = useStaffCommunity(TICKET_SUPERVISORS)
  const communityId = staff.communityId
  const [filters, setFilters] = useState<Filters>({})
  const [showFilters, setShowFilters] = useState(false)
  const activeFilters = Object.values(filters).filter((v) => v !== undefined).length
  const [selected, setSelected] = useState<string | null>(null)
  const [panel, setPanel] = useState<'reassign' | null>(null)
  const [mergeFrom, setMergeFrom] = useState<TicketSummary | null>(null)
  const [error, setError] = useState<ErrorBody | null>(null)
  const { busy, run } = useSubmit()
  const tree = useRemote(() => (communityId ? call('places', 'tree', { communityId }) : null), [communityId])
  const categories = useRemote(() => (communityId ? call('tickets', 'categories', { communityId }) : null), [communityId])
  const list = usePaged(
    (page) => (communityId ? call('tickets', 'list', { communityId, page, pageSize: 20, ...filters }) : null),
    [communityId, JSON.stringify(filters)],
  )

  usePullDownRefresh(() => {
    list.reload()
    void Taro.stopPullDownRefresh()
  })

  const merge = (into: TicketSummary) =>
    run(async () => {
      if (!mergeFrom) return
      if (into.id === mergeFrom.id) return toast('请选择另一件报事')
      if (
        !(await confirm(
          '合并报事',
          `把“${mergeFrom.excerpt || mergeFrom.categoryLabel}”合并到“${into.excerpt || into.categoryLabel}”？合并后关注的居民一并转入，无法撤销。`,
          '确定合并',
        ))
      )
        return
      setError(null)
      const res = await call('tickets', 'merge', { ticketId: mergeFrom.id, intoTicketId: into.id })
      if (!res.ok) return setError(res.error)
      toast('已合并')
      setMergeFrom(null)
      setSelected(null)
      list.reload()
    })

  // the list as it is filtered now, every page of it
  const exportSheet = (id: string) =>
    run(async () => {
      setError(null)
      const res = await call('sheets', 'exportTickets', { communityId: id, ...filters })
      if (!res.ok) return setError(res.error)
      await openSheet(res.data)
    })

  const tap = (t: TicketSummary) => {
    if (mergeFrom) return void merge(t)
    setSelected(selected === t.id ? null : t.id)
    setPanel(null)
  }
  const go = (url: string) => void Taro.navigateTo({ url })
  // false on weapp; the branches below test the build constant too, so weapp's bundle drops the wide layout's code
  const wide = useWide()

  const mergeBanner = mergeFrom ? (
    <View className='card' ariaRole='alert'>
      <Text className='subtitle'>请点选要合并到的报事</Text>
      <Text className='muted'>{`将合并：${mergeFrom.categoryLabel} · ${mergeFrom.excerpt || mergeFrom.placeLabel}`}</Text>
      <Button className='btn btn-plain btn-block' onClick={() => setMergeFrom(null)}>
        取消合并
      </Button>
    </View>
  ) : null
  const actions = (t: TicketSummary) => (
    <View className='card actions'>
      <Button className='btn btn-primary btn-block' onClick={() => go(`/packages/grid/pages/handle/index?id=${encodeURIComponent(t.id)}`)}>
        查看与办理
      </Button>
      <Button className='btn btn-secondary btn-block' disabled={busy} onClick={() => setPanel(panel === 'reassign' ? null : 'reassign')}>
        改派
      </Button>
      <Button className='btn btn-secondary btn-block' disabled={busy} onClick={() => setMergeFrom(t)}>
        合并到其他报事
      </Button>
      {panel === 'reassign' && communityId ? (
        <ReassignPicker
          communityId={communityId}
          ticket={t}
          onDone={() => {
            setPanel(null)
            list.reload()
          }}
        />
      ) : null}
    </View>
  )

  // the console on a PC: filters in a side panel, the list as a table, the chosen ticket beside it (H5 only)
  if (process.env.TARO_ENV === 'h5' && wide) {
    const open = list.items.find((t) => t.id === selected) ?? null
    return (
      <Page className='staff-tickets desk'>
        <CommunityBar staff={staff}>
          {communityId ? (
            <View className='wide-layout'>
              <View className='wide-side' ariaRole='region' ariaLabel='筛选条件'>
                <Text className='subtitle'>{`筛选${activeFilters ? `（已选 ${activeFilters} 项）` : ''}`}</Text>
                <FilterBar
                  tree={tree.state.status === 'ok' ? tree.state.data : null}
                  categories={categories.state.status === 'ok' ? categories.state.data : []}
                  filters={filters}
                  onChange={(f) => {
                    setFilters(f)
                    setSelected(null)
                  }}
                />
                <Button className='btn btn-plain btn-block' disabled={busy} onClick={() => void exportSheet(communityId)}>
                  {activeFilters ? '按当前筛选导出 Excel' : '导出全部报事（Excel）'}
                </Button>
                <Button className='btn btn-secondary btn-block' onClick={() => go(`/packages/staff/pages/tickets/onbehalf?communityId=${communityId}`)}>
                  代居民登记
                </Button>
                <Button className='btn btn-secondary btn-block' onClick={() => go(`/packages/staff/pages/dashboard/index?communityId=${communityId}`)}>
                  三率看板
                </Button>
              </View>
              <View className='wide-main'>
                {mergeBanner}
                {error ? <ErrorState error={error} /> : null}
                {list.items.length ? (
                  <TicketTable
                    items={list.items}
                    selectedId={selected}
                    caption={`报事列表：${activeFilters ? `已选 ${activeFilters} 项筛选，` : ''}共 ${list.total} 件，已显示 ${list.items.length} 件（↑↓ 选择，回车打开）`}
                    onOpen={(t) => {
                      if (mergeFrom) return void merge(t)
                      setSelected(t.id)
                      setPanel(null)
                    }}
                  />
                ) : null}
                <PagedFooter list={list} emptyText='没有符合条件的报事' />
              </View>
              {open && !mergeFrom ? (
                <TicketPane key={open.id} id={open.id}>
                  {actions(open)}
                </TicketPane>
              ) : (
                <View className='wide-detail wide-detail-empty'>
                  <Text className='muted'>在表格中选择一件报事（点按，或用 ↑↓ 键后按回车），详情显示在这里。</Text>
                </View>
              )}
            </View>
          ) : null}
        </CommunityBar>
      </Page>
    )
  }

  return (
    <Page className='staff-tickets'>
      <CommunityBar staff={staff}>
        {communityId ? (
          <View>
            <View className='row'>
              <Button className='btn btn-secondary' onClick={() => go(`/packages/staff/pages/tickets/onbehalf?communityId=${communityId}`)}>
                代居民登记
              </Button>
              <Button className='btn btn-secondary' onClick={() => go(`/packages/staff/pages/dashboard/index?communityId=${communityId}`)}>
                三率看板
              </Button>
            </View>
            {/* folded to one row, so the first ticket is on the first screen; open to choose */}
            <Button
              className='btn btn-plain btn-block filter-toggle'
              ariaLabel={showFilters ? '收起筛选条件' : '展开筛选条件'}
              onClick={() => setShowFilters((on) => !on)}
            >
              {`${showFilters ? '收起筛选' : '筛选'}${activeFilters ? `（已选 ${activeFilters} 项，共 ${list.total} 件）` : `（全部 ${list.total} 件）`}`}
            </Button>
            {showFilters ? (
              <FilterBar
                tree={tree.state.status === 'ok' ? tree.state.data : null}
                categories={categories.state.status === 'ok' ? categories.state.data : []}
                filters={filters}
                onChange={(f) => {
                  setFilters(f)
                  setSelected(null)
                }}
              />
            ) : null}
            <Button className='btn btn-plain btn-block' disabled={busy} onClick={() => void exportSheet(communityId)}>
              {activeFilters ? '按当前筛选导出 Excel' : '导出全部报事（Excel）'}
            </Button>
            {mergeBanner}
            {error ? <ErrorState error={error} /> : null}
            {list.items.map((t) => (
              <View key={t.id}>
                <TicketCard ticket={t} onOpen={tap} />
                {selected === t.id && !mergeFrom ? actions(t) : null}
              </View>
            ))}
            <PagedFooter list={list} emptyText='没有符合条件的报事' />
          </View>
        ) : null}
      </CommunityBar>
    </Page>
  )
}
