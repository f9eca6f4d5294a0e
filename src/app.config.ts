// Read by the Taro CLI at build time (process.argv and TARO_ENV are the CLI's).
const nativeComponents = process.argv.includes('native-components')
const h5 = process.env.TARO_ENV === 'h5'

export default defineAppConfig({
  pages: [
    'pages/index/index',
    'pages/report/index',
    'pages/me/index',
    'pages/tickets/index',
    'pages/ticket/index',
    'pages/privacy/index',
    // The demo sign-in exists only in the local H5 build; the mini-program never ships it.
    ...(h5 ? ['pages/dev-login/index', 'pages/dev-outbox/index'] : []),
  ],
  subPackages: [
    { root: 'packages/grid', pages: ['pages/workbench/index', 'pages/inbox/index', 'pages/handle/index'] },
    {
      root: 'packages/staff',
      pages: [
        'pages/places/index',
        'pages/invites/index',
        'pages/bindings/index',
        'pages/tickets/index',
        'pages/tickets/onbehalf',
        'pages/dashboard/index',
        'pages/callbacks/index',
        'pages/moderation/index',
        'pages/register/index',
        'pages/register/household',
      ],
    },
    {
      // the staff console's sign-in by scanning: the computer's QR page (H5 only: the console is the H5 build), the
      // phone's confirmation and 我的 → 电脑端登录
      root: 'packages/console',
      pages: [...(h5 ? ['pages/login/index'] : []), 'pages/confirm/index', 'pages/sessions/index'],
    },
    { root: 'packages/council', pages: ['pages/list/index', 'pages/matter/index', 'pages/propose/index', 'pages/paper/index'] },
    { root: 'packages/notice', pages: ['pages/list/index', 'pages/detail/index', 'pages/publish/index'] },
    { root: 'packages/wish', pages: ['pages/mine/index', 'pages/board/index', 'pages/post/index', 'pages/detail/index', 'pages/review/index'] },
    {
      root: 'packages/volunteer',
      pages: [
        'pages/list/index',
        'pages/activity/index',
        'pages/code/index',
        'pages/publish/index',
        'pages/record/index',
        'pages/party/index',
        'pages/certificates/index',
        'pages/issue/index',
        // what a certificate QR opens, signed in or not (its /v/ prefix is registered like the stairwell codes)
        'pages/verify/index',
      ],
    },
  ],
  // WeChat asks the user to agree to the privacy guide before photos, files and scanning are used (components/PrivacyPrompt)
  __usePrivacyCheck__: true,
  window: {
    // WeChat shows its title bar anyway; on H5 this turns on Taro's own, so every page has a title and a way back
    navigationStyle: 'default',
    backgroundTextStyle: 'dark',
    navigationBarBackgroundColor: '#b71c1c',
    navigationBarTitleText: '社区码上办',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f5f5f5',
  },
  tabBar: {
    color: '#333333',
    selectedColor: '#b71c1c',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      { pagePath: 'pages/index/index', text: '首页' },
      { pagePath: 'pages/tickets/index', text: '我的报事' },
      { pagePath: 'pages/me/index', text: '我的' },
    ],
  },
  // `taro build native-components` turns these pages into native components for miniprogram-simulate tests.
  ...(nativeComponents ? { components: ['pages/report/index', 'packages/staff/pages/dashboard/index'] } : {}),
})
