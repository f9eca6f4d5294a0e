import { View, Text } from '@tarojs/components'
import type { PlaceView } from '../../types'

export const placeLine = (p: Pick<PlaceView, 'community' | 'building' | 'unit'>) => `${p.community.name} · ${p.building.name} · ${p.unit.name}`

/** The place a stairwell code stands for, large enough to read at arm's length. */
export function PlaceCard({ place }: { place: PlaceView }) {
  return (
    <View className='card place-card' ariaLabel={`报事地点：${placeLine(place)}`}>
      <Text className='place-caption'>报事地点</Text>
      <Text className='place-line'>{placeLine(place)}</Text>
      <Text className='place-meta muted'>
        {place.street.name}
        {place.grid ? ` · ${place.grid.name}` : ''}
      </Text>
    </View>
  )
}
