import { View, Text, Button } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { call } from '../../../../api'
import { photoSrc } from '../../../../api/upload'
import { useRemote, useSubmit } from '../../../../hooks/useRemote'
import { confirm, toast } from '../../../../components/ConfirmModal'
import { PhotoGrid } from '../../../../components/PhotoPicker'
import { Pending } from '../../../../components/States'
import { Page } from '../../../../components/Page'
import { beijing } from '../../../../lib/time'
import '../../notice.css'

const NO_ID = { code: 'NOT_FOUND', message: '没有找到这条公告' }

/** A notice in full; opening it counts the reader once. Staff see how many have read it and can take it down. */
export default function NoticeDetail() {
  const router = useRouter()
  const id = router?.params?.id ? decodeURIComponent(router.params.id) : ''
  const { state, reload, setData } = useRemote(() => (id ? call('notices', 'get', { noticeId: id }) : null), [id])
  const { busy, run } = useSubmit()
  if (!id || state.status !== 'ok') return <Pending missing={id ? null : NO_ID} state={state} onRetry={reload} />
  const n = state.data
  const withdraw = () =>
    run(async () => {
      if (!(await confirm('撤下公告', '撤下后居民将看不到这条公告，确定吗？', '确定撤下'))) return
      const res = await call('notices', 'withdraw', { noticeId: n.id })
      if (res.ok) {
        setData(res.data)
        toast('已撤下')
      } else toast(res.error.message)
    })
  const openFile = async (fileID: string) => {
    if (process.env.TARO_ENV !== 'weapp') return void window.open(photoSrc(fileID), '_blank')
    try {
      const { tempFilePath } = await Taro.cloud.downloadFile({ fileID })
      await Taro.openDocument({ filePath: tempFilePath, fileType: 'pdf' })
    } catch {
      toast('附件打开失败，请稍后再试')
    }
  }
  return (
    <Page className='notice-detail'>
      <View className='card'>
        <View className='row'>
          <Text className='tag'>{n.kindLabel}</Text>
          {n.withdrawn ? <Text className='tag'>已撤下</Text> : null}
        </View>
        <Text className='title line'>{n.title}</Text>
        <Text className='muted line'>{`${n.publishedBy} · ${beijing(n.publishedAt).format('YYYY年M月D日')} · ${n.audienceLabel}`}</Text>
        <Text className='notice-body'>{n.body}</Text>
        {n.images.length ? <PhotoGrid photos={n.images} label='公告图片' /> : null}
        {n.files.map((f) => (
          <Button key={f.fileID} className='btn btn-secondary btn-block' onClick={() => void openFile(f.fileID)}>
            {`查看附件：${f.name}`}
          </Button>
        ))}
        {n.readers !== null ? <Text className='muted line'>{`${n.readers} 人已读`}</Text> : null}
      </View>
      {n.canWithdraw ? (
        <Button className='btn btn-plain btn-block' disabled={busy} onClick={() => void withdraw()}>
          撤下公告
        </Button>
      ) : null}
    </Page>
  )
}
