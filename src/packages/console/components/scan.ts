import Taro from '@tarojs/taro'
import { consoleQrFrom } from '../../../../types/consoleLabels'
import { toldPrivacyRefused } from '../../../api/privacy'
import { toast } from '../../../components/ConfirmModal'

export const CONFIRM_PAGE = '/packages/console/pages/confirm/index'

/** 扫码登录电脑: the phone's camera reads the computer's QR and opens the confirmation page for it. */
export async function scanConsoleQr(): Promise<void> {
  if (process.env.TARO_ENV !== 'weapp') {
    toast('请在微信小程序中扫码')
    return
  }
  try {
    const res = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })
    const qr = consoleQrFrom(res.result ?? '')
    if (!qr) {
      toast('这不是电脑登录二维码')
      return
    }
    await Taro.navigateTo({ url: `${CONFIRM_PAGE}?requestId=${qr.requestId}&env=${encodeURIComponent(qr.env)}` })
  } catch (e) {
    // cancelled: nothing to say
    toldPrivacyRefused(e, '扫码')
  }
}
