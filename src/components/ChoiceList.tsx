import { View, Text } from '@tarojs/components'
import { checkedAttr } from './Chip'

export interface Choice {
  id: string
  label: string
  hint?: string
}

/**
 * Big tappable rows instead of a picker wheel: easier to hit, easy to read aloud. With `selectedId` (even null) the rows
 * are one choice among several (a radio group, each row saying whether it is chosen); without, each row is a button
 * that acts at once (hand a ticket to this person).
 */
export function ChoiceList({
  choices,
  selectedId,
  onChoose,
  className,
  label,
}: {
  choices: Choice[]
  selectedId?: string | null
  onChoose: (c: Choice) => void
  className?: string
  /** what is being chosen, for a screen reader (the visible heading above, usually) */
  label?: string
}) {
  const picking = selectedId !== undefined
  return (
    <View className={`choice-list ${className ?? ''}`} ariaRole={picking ? 'radiogroup' : undefined} ariaLabel={label}>
      {choices.map((c) => {
        const on = picking && selectedId === c.id
        return (
          <View
            key={c.id}
            className={`choice ${on ? 'choice-selected' : ''}`}
            ariaRole={picking ? 'radio' : 'button'}
            {...(picking ? checkedAttr(on) : {})}
            ariaLabel={c.hint ? `${c.label}，${c.hint}` : c.label}
            onClick={() => onChoose(c)}
          >
            <Text className='choice-label'>{c.label}</Text>
            {c.hint ? <Text className='choice-hint'>{c.hint}</Text> : null}
          </View>
        )
      })}
    </View>
  )
}
