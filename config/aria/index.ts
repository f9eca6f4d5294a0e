/**
 * Taro plugin: WeChat's aria-* attributes in the weapp templates.
 *
 * Taro leaves accessibility attributes out of mini-program templates (NervJS/taro#10025; its maintainers point to
 * `@tarojs/plugin-inject`, whose latest release pins its peers to Taro 4.1.11). This does the same as that plugin's
 * `components` option, for aria only, with nothing written into node_modules:
 * - build time: adds the attributes of ./aria.json to the platform template's components, so base.wxml renders
 *   `aria-label="{{i.pN}}"` etc. on view, text, button, …;
 * - run time: ./runtime.js merges the same attributes into the runtime's component list. Both sides number a
 *   component's attributes alphabetically (`p0`, `p1`, …): adding them on one side only would shift every alias.
 *
 * Props: `ariaLabel` / `ariaRole` / `ariaChecked` … (or `aria-label` …) on a Taro component → `aria-label` … in WXML.
 * Mini-program platforms only; H5 renders its own DOM attributes.
 */
import path from 'node:path'
import type { IPluginContext, TaroPlatformBase } from '@tarojs/service'
import spec from './aria.json'

/** Absolute path of the runtime half, imported before @tarojs/runtime by Taro's taro-runtime loader. */
export const ARIA_RUNTIME = path.join(__dirname, 'runtime.js')

/** `{ View: { 'aria-label': '' , … }, … }`: '' is Taro's "no default value" (the template writes `{{i.pN}}`). */
export function ariaComponents(known: Record<string, unknown>) {
  const patch: Record<string, Record<string, string>> = {}
  // an unknown name would add a new component and renumber every component alias: only extend existing ones
  for (const name of spec.components) if (name in known) patch[name] = Object.fromEntries(spec.attributes.map((a) => [a, '']))
  return patch
}

/** No options: the list lives in aria.json because runtime.js (bundled into the app) must read the same one. */
export default (ctx: IPluginContext) => {
  ctx.registerMethod({
    name: 'onSetupClose',
    fn(platform: TaroPlatformBase) {
      const template = platform.template
      if (!template) return // H5
      template.mergeComponents(ctx, ariaComponents(template.internalComponents))
      const runtimePath = platform.runtimePath
      platform.runtimePath = [...(Array.isArray(runtimePath) ? runtimePath : [runtimePath]), ARIA_RUNTIME]
    },
  })
}
