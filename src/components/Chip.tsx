import type { ReactNode } from 'react'
import { View, Text } from '@tarojs/components'

/**
 * A radio's or switch's state for assistive technology. Taro's H5 components drop a `false` prop, and a radio must
 * still say it is off: on H5 the state goes as the string the attribute holds; weapp's templates take the boolean.
 */
const ariaState = (on: boolean) => (process.env.TARO_ENV === 'h5' ? String(on) : on) as boolean
export const checkedAttr = (on: boolean) => ({ ariaChecked: ariaState(on) })
/** The same for the tab that is showing. */
export const selectedAttr = (on: boolean) => ({ ariaSelected: ariaState(on) })

/**
 * A chip: one choice of a radio group (the parent carries ariaRole='radiogroup'), or a switch on its own. Its name
 * holds its visible words, so what a screen reader says is what the eye reads.
 */
export function Chip({
  on,
  label,
  name,
  onClick,
  role = 'radio',
}: {
  on: boolean
  label: string
  /** a fuller name for a screen reader, which must contain `label` (e.g. 状态：处理中) */
  name?: string
  onClick: () => void
  role?: 'radio' | 'switch' | 'checkbox'
}) {
  return (
    <View className={`chip ${on ? 'chip-on' : ''}`} ariaRole={role} {...checkedAttr(on)} ariaLabel={name ?? label} onClick={onClick}>
      <Text>{label}</Text>
    </View>
  )
}

/** A row of chips for one choice among several, named by its visible label. */
export function ChipGroup({ label, children }: { label: string; children: ReactNode }) {
  return (
    <View className='filter-row' ariaRole='radiogroup' ariaLabel={label}>
      <Text className='field-label'>{label}</Text>
      {children}
    </View>
  )
}

/** A row of tabs, the one showing marked selected for a screen reader too (keys may be null, for 全部). */
export function Tabs<K extends string | null>({ tabs, value, onChange }: { tabs: readonly { key: K; label: string }[]; value: K; onChange: (key: K) => void }) {
  return (
    <View className='tabs' ariaRole='tablist'>
      {tabs.map((t) => (
        <View
          key={t.label}
          className={`tab ${value === t.key ? 'tab-on' : ''}`}
          ariaRole='tab'
          {...selectedAttr(value === t.key)}
          onClick={() => onChange(t.key)}
        >
          <Text>{t.label}</Text>
        </View>
      ))}
    </View>
  )
}

/**
 * An on/off switch the size of a row: the words, the switch and 开/关 all one target (Taro's Switch is 26 CSS px tall on
 * H5 and its inner checkbox has no name).
 */
export function Toggle({ on, label, onChange }: { on: boolean; label: string; onChange: (next: boolean) => void }) {
  return (
    <View className={`toggle ${on ? 'toggle-on' : ''}`} ariaRole='switch' {...checkedAttr(on)} ariaLabel={label} onClick={() => onChange(!on)}>
      <Text className='toggle-text'>{label}</Text>
      <View className='toggle-track'>
        <View className='toggle-knob' />
      </View>
    </View>
  )
}
