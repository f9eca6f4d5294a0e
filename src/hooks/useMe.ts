import { call } from '../api'
import { useRemote } from './useRemote'

export const useMe = () => useRemote(() => call('users', 'me', {}), [])
