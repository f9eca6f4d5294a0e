import { View, Text, Button } from '@tarojs/components'
import type { ErrorBody } from '../../types'
import { ErrorState, Loading } from './States'

/** What the footer reads of a list: usePaged's answer. */
export interface PagedList {
  loading: boolean
  error: ErrorBody | null
  hasMore: boolean
  items: readonly unknown[]
  total: number | null
  loadMore: () => void
  reload: () => void
}

/**
 * The end of a paged list: its count and 加载更多. `total` is null for a list that is not counted (a resident's notices
 * and matters): it then says how many are shown, and once the last page is in, that this is all of them. `error`
 * stands in for the list's own when the page also loads something else the list depends on.
 */
export function PagedFooter({ list, emptyText, error = list.error }: { list: PagedList; emptyText: string; error?: ErrorBody | null }) {
  const count = list.items.length
  if (error) return <ErrorState error={error} onRetry={count ? list.loadMore : list.reload} />
  if (list.loading) return <Loading />
  if (count === 0) return <Text className='state state-text muted'>{emptyText}</Text>
  return (
    <View className='paged-footer'>
      <Text className='muted'>
        {list.total !== null ? `共 ${list.total} 条，已显示 ${count} 条` : list.hasMore ? `已显示 ${count} 条` : `共 ${count} 条，已全部显示`}
      </Text>
      {list.hasMore ? (
        <Button className='btn btn-secondary btn-block' onClick={list.loadMore}>
          加载更多
        </Button>
      ) : null}
    </View>
  )
}
