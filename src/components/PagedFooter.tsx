import { View, Text, Button } from '@tarojs/components'
import type { ErrorBody } from '../../types'
import { ErrorState, Loading } from './States'

export function PagedFooter(p: { loading: boolean; error: ErrorBody | null; hasMore: boolean; count: number; total: number; onMore: () => void; onRetry: () => void; emptyText: string }) {
  if (p.error) return <ErrorState error={p.error} onRetry={p.count ? p.onMore : p.onRetry} />
  if (p.loading) return <Loading />
  if (p.count === 0) return <Text className='state state-text muted'>{p.emptyText}</Text>
  return (
    <View className='paged-footer'>
      <Text className='muted'>{`共 ${p.total} 条，已显示 ${p.count} 条`}</Text>
      {p.hasMore ? (
        <Button className='btn btn-secondary btn-block' onClick={p.onMore}>
          加载更多
        </Button>
      ) : null}
    </View>
  )
}
