export default definePageConfig({ navigationBarTitleText: '社区报事', enablePullDownRefresh: true })
