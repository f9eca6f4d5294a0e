import Taro, { useRouter } from '@tarojs/taro'
import { useEffect } from 'react'
import { ErrorState } from '../../../../components/States'
import { CodePanel } from '../../components/CodePanel'
import { Page } from '../../../../components/Page'
import '../../components/volunteer.css'

/** 签到码: the organiser holds this up at the place; it changes every 30 seconds by itself. */
export default function CheckinCode() {
  const router = useRouter()
  const id = router?.params?.id ? decodeURIComponent(router.params.id) : ''
  useEffect(() => {
    // the screen stays on while the code is shown (the mini-program only)
    if (process.env.TARO_ENV === 'weapp') void Taro.setKeepScreenOn({ keepScreenOn: true }).catch(() => undefined)
  }, [])
  if (!id)
    return (
      <Page>
        <ErrorState error={{ code: 'NOT_FOUND', message: '没有找到这个活动' }} showHome />
      </Page>
    )
  return (
    <Page className='volunteer-code'>
      <CodePanel activityId={id} />
    </Page>
  )
}
