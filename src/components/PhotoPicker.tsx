import { useState } from 'react'
import { View, Text, Image } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { NETWORK_ERROR } from '../api'
import { pickPhotos, uploadPhoto, photoSrc, type PickedPhoto } from '../api/upload'
import { PrivacyPrompt } from './PrivacyPrompt'
import './tickets.css'

/** Stored photos as thumbnails; a tap opens the full-screen preview. */
export function PhotoGrid({ photos, label = '照片' }: { photos: string[]; label?: string }) {
  if (!photos.length) return null
  const urls = photos.map(photoSrc)
  return (
    <View className='photos'>
      {urls.map((src, i) => (
        <View
          key={photos[i]}
          className='photo'
          ariaRole='button'
          ariaLabel={`${label}第${i + 1}张，点击放大`}
          onClick={() => void Taro.previewImage({ current: src, urls }).catch(() => undefined)}
        >
          {/* the button says what the photo is; the picture itself says it too, for H5 (alt on its <img>) and weapp (ariaLabel) */}
          <Image className='photo-img' src={src} mode='aspectFill' ariaLabel={`${label}第${i + 1}张`} nativeProps={{ alt: `${label}第${i + 1}张` }} />
        </View>
      ))}
    </View>
  )
}

/**
 * Up to `max` photos: picked (camera/album on weapp, file chooser in the browser), uploaded at once, kept as fileIDs.
 * With `keepOffline`, a photo that cannot be uploaded for lack of network is kept on the phone instead (its local
 * path joins `photos`) and uploaded when the form is sent.
 */
export function PhotoPicker({
  photos,
  onChange,
  max = 6,
  label = '照片',
  keepOffline,
}: {
  photos: string[]
  onChange: (next: string[]) => void
  max?: number
  label?: string
  keepOffline?: (photo: PickedPhoto) => Promise<string | null>
}) {
  const [uploading, setUploading] = useState(0)
  const [error, setError] = useState<string | null>(null)
  const [kept, setKept] = useState(false)
  const room = max - photos.length

  const add = async () => {
    if (uploading || room <= 0) return
    setError(null)
    setKept(false)
    const picked = await pickPhotos(room)
    if (!picked.length) return
    setUploading(picked.length)
    const done: string[] = []
    let failed: string | null = null
    for (const p of picked) {
      const res = await uploadPhoto(p)
      const local = !res.ok && res.error.code === NETWORK_ERROR.code && keepOffline ? await keepOffline(p) : null
      if (res.ok) done.push(res.fileID)
      else if (local) {
        done.push(local)
        setKept(true)
      } else failed = res.error.message
      setUploading((n) => n - 1)
    }
    if (done.length) onChange([...photos, ...done].slice(0, max))
    if (failed) setError(failed)
  }

  const urls = photos.map(photoSrc)
  return (
    <View className='photo-picker'>
      <PrivacyPrompt />
      <View className='photos'>
        {photos.map((id, i) => (
          <View key={id} className='photo'>
            <Image
              className='photo-img'
              src={urls[i]}
              mode='aspectFill'
              ariaLabel={`${label}第${i + 1}张`}
              nativeProps={{ alt: `${label}第${i + 1}张` }}
              onClick={() => void Taro.previewImage({ current: urls[i], urls }).catch(() => undefined)}
            />
            <View className='photo-remove' ariaRole='button' ariaLabel={`删除${label}第${i + 1}张`} onClick={() => onChange(photos.filter((p) => p !== id))}>
              <Text>删除</Text>
            </View>
          </View>
        ))}
        {room > 0 ? (
          <View className='photo-add' ariaRole='button' ariaLabel={`添加${label}，还可以加${room}张`} onClick={() => void add()}>
            {/* its words are its name: 添加照片，还可以加6张 (camera or album is WeChat's own choice after the tap) */}
            <Text>{uploading ? '正在上传…' : `＋ 添加${label}`}</Text>
            <Text className='photo-count'>{`还可以加${room}张`}</Text>
          </View>
        ) : null}
      </View>
      {kept ? <Text className='muted'>网络不好，照片先存在手机上，提交时自动上传。</Text> : null}
      {error ? (
        <View ariaRole='alert'>
          <Text className='error-text'>{error}</Text>
        </View>
      ) : null}
    </View>
  )
}
