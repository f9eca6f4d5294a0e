export default definePageConfig({ navigationBarTitleText: '工作人员电脑端登录' })
