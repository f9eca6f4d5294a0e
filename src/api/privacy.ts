import Taro from '@tarojs/taro'

/**
 * Says why a photo, file or scan did not happen when the person declined WeChat's privacy guide (the API fails with
 * "privacy permission is not authorized"); true when that was the reason. Other failures (cancelled) stay silent.
 */
export function toldPrivacyRefused(e: unknown, what: string): boolean {
  if (!/privacy/i.test(String((e as { errMsg?: string })?.errMsg ?? ''))) return false
  void Taro.showToast({ title: `未同意隐私保护指引，不能${what}`, icon: 'none', duration: 3000 })
  return true
}
