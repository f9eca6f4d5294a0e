import { View, Text } from '@tarojs/components'
import { Page } from '../../components/Page'
import './index.css'

/** What the app collects, why, who sees it and how long it is kept: 个人信息保护法 and WeChat's privacy rules, in plain words. */
const SECTIONS: { title: string; lines: string[] }[] = [
  {
    title: '我们收集什么、为什么',
    lines: [
      '微信身份标识（OpenID）：用来认出是您在使用，不会公开。',
      '姓名和手机号（您自己填写，手机号可不填）：办理您的报事时，网格员需要知道怎么联系您。',
      '您住哪一户、是哪位家庭成员（社区住户名册上的记录）：用来确认您能参加哪些议事表决、能看到哪些公告。',
      '照片和文件（只在您选择时）：报事、办结、公告时附上的照片和文件。',
      '报事内容、投票记录、志愿服务记录：这些是您在社区办的事，社区需要据此办理和统计。',
      '我们不收集身份证号，不读取您的位置、通讯录和剪贴板。',
    ],
  },
  {
    title: '谁能看到',
    lines: [
      '您的报事：您本人、办理的网格员和社区工作人员；同楼栋的邻居只能看到问题类别和简要内容，看不到您的姓名和电话。扫楼道码的陌生人只能看到类别、时间和有几户遇到。',
      '投票：无记名投票时，任何人（包括工作人员）都看不到您投了什么，只能看到您是否已投票。',
      '党员身份：只有社区党组织和社区工作人员可见。',
      '手机号：除办理人员外，其他人看到的都是打码的号码。',
    ],
  },
  {
    title: '保存多久',
    lines: [
      '报事照片：报事办结后由社区设定保存期限（默认两年），到期自动删除，报事记录作为社区档案保留。',
      '下载的个人信息、导出的表格：链接15分钟内有效。',
      '注销账号后：您的资料和绑定立即删除；您提过的报事作为社区档案保留，但显示为“已注销用户”；您投过的票仍计入结果，但与您不再关联。',
    ],
  },
  {
    title: '您的权利',
    lines: [
      '查看和下载：在“我的”页面点“下载我的个人信息”。',
      '更正：在“我的”页面修改姓名和手机号；住户名册上的信息请联系社区更正。',
      '注销：在“我的”页面点“注销账号”。',
      '撤回授权：在微信“设置—隐私—授权管理”中可随时撤回相册、文件等授权；撤回后相关功能不能使用，其他功能不受影响。',
      '有疑问请联系您所在社区的工作人员。',
    ],
  },
]

export default function Privacy() {
  return (
    <Page className='privacy'>
      {SECTIONS.map((s) => (
        <View key={s.title} className='card'>
          <Text className='subtitle'>{s.title}</Text>
          {s.lines.map((l) => (
            <Text key={l} className='privacy-line'>
              {l}
            </Text>
          ))}
        </View>
      ))}
    </Page>
  )
}
