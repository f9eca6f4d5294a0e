import { View, Text } from '@tarojs/components'
import { checkedAttr } from './Chip'
import './tickets.css'

const WORDS = ['', '很不满意', '不满意', '一般', '满意', '非常满意']

/** Five big stars; each says its score and meaning to a screen reader. */
export function StarRating({ value, onChange }: { value: number; onChange: (score: number) => void }) {
  return (
    <View>
      <View className='stars' ariaRole='radiogroup' ariaLabel='满意度评分'>
        {[1, 2, 3, 4, 5].map((n) => (
          <View
            key={n}
            className={`star ${n <= value ? 'star-on' : ''}`}
            ariaRole='radio'
            {...checkedAttr(n === value)}
            ariaLabel={`${n}星，${WORDS[n]}`}
            onClick={() => onChange(n)}
          >
            <Text>★</Text>
          </View>
        ))}
      </View>
      {value ? <Text className='muted'>{`${value}星：${WORDS[value]}`}</Text> : null}
    </View>
  )
}
