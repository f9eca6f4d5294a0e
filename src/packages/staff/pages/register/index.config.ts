export default definePageConfig({ navigationBarTitleText: '住户名册' })
