import { View, Button } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { call } from '../../../../api'
import { useRemote } from '../../../../hooks/useRemote'
import { ErrorState, Loading } from '../../../../components/States'
import { CommunityBar } from '../../components/CommunityBar'
import { useStaffCommunity } from '../../components/useStaffCommunity'
import { PlaceTreeView } from './PlaceTreeView'
import { CreateBuilding, CreateGrid } from './CreateForms'
import { Deletions, PhotoRetention, RegisterImport, QrSheet } from './Tools'
import { CallbackShare } from './CallbackShare'
import { Page } from '../../../../components/Page'
import './index.css'

export default function Places() {
  const staff = useStaffCommunity()
  const communityId = staff.communityId
  const tree = useRemote(() => (communityId ? call('places', 'tree', { communityId }) : null), [communityId])

  return (
    <Page className='staff-places'>
      <CommunityBar staff={staff}>
        <View className='row'>
          <Button className='btn btn-secondary' onClick={() => void Taro.navigateTo({ url: '/packages/staff/pages/tickets/index' })}>
            社区报事
          </Button>
          <Button className='btn btn-secondary' onClick={() => void Taro.navigateTo({ url: '/packages/staff/pages/dashboard/index' })}>
            三率看板
          </Button>
          <Button className='btn btn-secondary' onClick={() => void Taro.navigateTo({ url: '/packages/staff/pages/register/index' })}>
            住户名册
          </Button>
        </View>
        {tree.state.status === 'loading' ? <Loading /> : null}
        {tree.state.status === 'error' ? <ErrorState error={tree.state.error} onRetry={tree.reload} /> : null}
        {tree.state.status === 'ok' && communityId ? (
          <View>
            <PlaceTreeView tree={tree.state.data} onChanged={tree.reload} />
            <CreateGrid communityId={communityId} onCreated={tree.reload} />
            <CreateBuilding communityId={communityId} tree={tree.state.data} onCreated={tree.reload} />
            <QrSheet communityId={communityId} />
            <RegisterImport communityId={communityId} onImported={tree.reload} />
            <PhotoRetention communityId={communityId} />
            <CallbackShare communityId={communityId} />
            <Deletions communityId={communityId} />
          </View>
        ) : null}
      </CommunityBar>
    </Page>
  )
}
