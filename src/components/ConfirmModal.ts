import Taro from '@tarojs/taro'

/** A yes/no question before something that cannot be undone. Resolves true on 确定. */
export async function confirm(title: string, content: string, confirmText = '确定'): Promise<boolean> {
  try {
    const res = await Taro.showModal({ title, content, confirmText, cancelText: '取消', confirmColor: '#b71c1c' })
    return !!res.confirm
  } catch {
    return false
  }
}

export const toast = (title: string) => void Taro.showToast({ title, icon: 'none', duration: 2500 })
