import { View, Text } from '@tarojs/components'

export interface Choice {
  id: string
  label: string
  hint?: string
}

/** Big tappable rows instead of a picker wheel: easier to hit, easy to read aloud. */
export function ChoiceList({ choices, selectedId, onChoose, className }: {
  choices: Choice[]
  selectedId?: string | null
  onChoose: (c: Choice) => void
  className?: string
}) {
  return (
    <View className={`choice-list ${className ?? ''}`} ariaRole='list'>
      {choices.map((c) => (
        <View
          key={c.id}
          className={`choice ${selectedId === c.id ? 'choice-selected' : ''}`}
          ariaRole='button'
          ariaLabel={c.hint ? `${c.label}，${c.hint}` : c.label}
          onClick={() => onChoose(c)}
        >
          <Text className='choice-label'>{c.label}</Text>
          {c.hint ? <Text className='choice-hint'>{c.hint}</Text> : null}
        </View>
      ))}
    </View>
  )
}
