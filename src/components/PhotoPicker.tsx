import { useState } from 'react'
import { View, Text, Image } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { pickPhotos, uploadPhoto, photoSrc } from '../api/upload'
import { PrivacyPrompt } from './PrivacyPrompt'
import './tickets.css'

/** Stored photos as thumbnails; a tap opens the full-screen preview. */
export function PhotoGrid({ photos, label = '照片' }: { photos: string[]; label?: string }) {
  if (!photos.length) return null
  const urls = photos.map(photoSrc)
  return (
    <View className='photos' ariaRole='list'>
      {urls.map((src, i) => (
        <View
          key={photos[i]}
          className='photo'
          ariaRole='button'
          ariaLabel={`${label}第${i + 1}张，点击放大`}
          onClick={() => void Taro.previewImage({ current: src, urls }).catch(() => undefined)}
        >
          <Image className='photo-img' src={src} mode='aspectFill' />
        </View>
      ))}
    </View>
  )
}

/**
 * Up to `max` photos: picked (camera/album on weapp, file chooser in the browser), uploaded at once, kept as fileIDs.
 */
export function PhotoPicker({ photos, onChange, max = 6, label = '照片' }: {
  photos: string[]
  onChange: (next: string[]) => void
  max?: number
  label?: string
}) {
  const [uploading, setUploading] = useState(0)
  const [error, setError] = useState<string | null>(null)
  const room = max - photos.length

  const add = async () => {
    if (uploading || room <= 0) return
    setError(null)
    const picked = await pickPhotos(room)
    if (!picked.length) return
    setUploading(picked.length)
    const done: string[] = []
    let failed: string | null = null
    for (const p of picked) {
      const res = await uploadPhoto(p)
      if (res.ok) done.push(res.fileID)
      else failed = res.error.message
      setUploading((n) => n - 1)
    }
    if (done.length) onChange([...photos, ...done].slice(0, max))
    if (failed) setError(failed)
  }

  const urls = photos.map(photoSrc)
  return (
    <View className='photo-picker'>
      <PrivacyPrompt />
      <View className='photos' ariaRole='list'>
        {photos.map((id, i) => (
          <View key={id} className='photo'>
            <Image
              className='photo-img'
              src={urls[i]}
              mode='aspectFill'
              ariaLabel={`${label}第${i + 1}张`}
              onClick={() => void Taro.previewImage({ current: urls[i], urls }).catch(() => undefined)}
            />
            <View
              className='photo-remove'
              ariaRole='button'
              ariaLabel={`删除${label}第${i + 1}张`}
              onClick={() => onChange(photos.filter((p) => p !== id))}
            >
              <Text>删除</Text>
            </View>
          </View>
        ))}
        {room > 0 ? (
          <View className='photo-add' ariaRole='button' ariaLabel={`添加${label}，还可以加${room}张`} onClick={() => void add()}>
            <Text>{uploading ? '正在上传…' : '＋ 拍照/相册'}</Text>
            <Text className='muted'>{`${photos.length}/${max}`}</Text>
          </View>
        ) : null}
      </View>
      {error ? (
        <View ariaRole='alert'>
          <Text className='error-text'>{error}</Text>
        </View>
      ) : null}
    </View>
  )
}
