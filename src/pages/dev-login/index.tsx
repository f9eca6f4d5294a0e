import { useEffect, useState } from 'react'
import { View, Text, Button } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { clearDevIdentity, getDevIdentity, setDevIdentity, type DevIdentity } from '../../api'
import { fetchDevIdentities, type DevIdentitiesAnswer, type DevIdentityOption } from '../../api/dev'
import { ROLE_LABELS } from '../../lib/roles'
import { Empty, Loading } from '../../components/States'
import { Page } from '../../components/Page'
import './index.css'

const cardLabel = (o: DevIdentityOption) => o.label || `${ROLE_LABELS[o.roles[0] ?? 'resident']} · ${o.name}`

/** Local H5 only: pick whom the gateway should treat you as (it sends `x-dev-openid`). */
export default function DevLogin() {
  const [answer, setAnswer] = useState<DevIdentitiesAnswer | null>(null)
  const [current, setCurrent] = useState<DevIdentity | null>(() => getDevIdentity())

  const load = () => {
    setAnswer(null)
    void fetchDevIdentities().then(setAnswer)
  }
  useEffect(load, [])

  const choose = (o: DevIdentityOption) => {
    const who = { openid: o.openid, name: o.name, label: cardLabel(o) }
    setDevIdentity(who)
    setCurrent(who)
    void Taro.showToast({ title: `已切换为${o.name}`, icon: 'none' })
    // came here from a page that needed someone signed in: go back to it as that person
    const back = Taro.getCurrentInstance().router?.params.back
    if (back) void Taro.redirectTo({ url: decodeURIComponent(back) })
  }

  return (
    <Page className='dev-login'>
      <View className='card'>
        <Text className='title'>切换演示身份</Text>
        <Text className='current'>{current ? `当前身份：${current.label}` : '当前未选择身份'}</Text>
        <Button className='btn btn-plain btn-block' onClick={() => void Taro.navigateTo({ url: '/pages/dev-outbox/index' })}>
          查看消息发件箱
        </Button>
        {current ? (
          <View className='row'>
            <Button className='btn btn-primary' onClick={() => void Taro.reLaunch({ url: '/pages/index/index' })}>
              去首页
            </Button>
            <Button
              className='btn btn-plain'
              onClick={() => {
                clearDevIdentity()
                setCurrent(null)
              }}
            >
              退出身份
            </Button>
          </View>
        ) : null}
      </View>

      {answer === null ? <Loading /> : null}
      {answer && !answer.ok ? (
        <View className='state state-error' ariaRole='alert'>
          <Text className='state-text error-message'>{answer.message}</Text>
          {answer.unsupported ? null : (
            <Button className='btn btn-primary' onClick={load}>
              重试
            </Button>
          )}
        </View>
      ) : null}
      {answer?.ok && answer.data.length === 0 ? <Empty text='没有可用的演示身份' /> : null}
      {answer?.ok
        ? answer.data.map((o) => (
            <View
              key={o.openid}
              className={`identity ${current?.openid === o.openid ? 'identity-current' : ''}`}
              // named by its words (the person and their roles), as the eye reads them
              ariaRole='button'
              onClick={() => choose(o)}
            >
              <Text className='identity-label'>{cardLabel(o)}</Text>
              <Text className='identity-roles muted'>{o.roles.map((r) => ROLE_LABELS[r] ?? r).join('、')}</Text>
            </View>
          ))
        : null}
    </Page>
  )
}
