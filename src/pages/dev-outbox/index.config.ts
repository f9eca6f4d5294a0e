export default definePageConfig({ navigationBarTitleText: '消息发件箱（本地）', enablePullDownRefresh: true })
