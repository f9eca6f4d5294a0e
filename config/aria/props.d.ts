/**
 * The aria props config/aria renders on weapp (see aria.json), typed on every Taro component: Taro's own typings
 * declare `ariaLabel` on most components and `ariaRole` on View only. Values are what WeChat reads: strings, or
 * booleans for the states (a boolean reaches the template as true/false).
 */
import '@tarojs/components/types/common'

declare module '@tarojs/components/types/common' {
  interface StandardProps {
    ariaRole?: string
    ariaLabel?: string
    ariaHidden?: boolean
    ariaDisabled?: boolean
    ariaChecked?: boolean | 'mixed'
    ariaSelected?: boolean
    ariaExpanded?: boolean
    ariaPressed?: boolean | 'mixed'
    ariaCurrent?: boolean | 'page' | 'step' | 'location' | 'date' | 'time'
    ariaLive?: 'off' | 'polite' | 'assertive'
    ariaDescribedby?: string
    ariaRequired?: boolean
    ariaInvalid?: boolean
    ariaLevel?: number
  }
}
