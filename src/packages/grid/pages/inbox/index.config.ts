export default definePageConfig({ navigationBarTitleText: '报事待办', enablePullDownRefresh: true })
