import '@tarojs/taro'
import React from 'react'
import ReactDOM from 'react-dom'
import { createH5NativeComponentConfig } from '@tarojs/plugin-framework-react/dist/runtime'

// Gives Taro's hooks (useRouter, useDidShow, …) the React they run on.
createH5NativeComponentConfig(() => null, React, ReactDOM)
