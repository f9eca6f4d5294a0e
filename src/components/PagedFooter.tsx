import { View, Text, Button } from '@tarojs/components'
import type { ErrorBody } from '../../types'
import { ErrorState, Loading } from './States'

/**
 * The end of a paged list: its count and 加载更多. `total` is null for a list that is not counted (a resident's notices
 * and matters): it then says how many are shown, and once the last page is in, that this is all of them.
 */
export function PagedFooter(p: {
  loading: boolean
  error: ErrorBody | null
  hasMore: boolean
  count: number
  total: number | null
  onMore: () => void
  onRetry: () => void
  emptyText: string
}) {
  if (p.error) return <ErrorState error={p.error} onRetry={p.count ? p.onMore : p.onRetry} />
  if (p.loading) return <Loading />
  if (p.count === 0) return <Text className='state state-text muted'>{p.emptyText}</Text>
  return (
    <View className='paged-footer'>
      <Text className='muted'>
        {p.total !== null ? `共 ${p.total} 条，已显示 ${p.count} 条` : p.hasMore ? `已显示 ${p.count} 条` : `共 ${p.count} 条，已全部显示`}
      </Text>
      {p.hasMore ? (
        <Button className='btn btn-secondary btn-block' onClick={p.onMore}>
          加载更多
        </Button>
      ) : null}
    </View>
  )
}
