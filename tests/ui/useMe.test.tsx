import { act, render, screen, waitFor } from '@testing-library/react'
import { useMe } from '../../src/hooks/useMe'
import { clearDevIdentity, setDevIdentity } from '../../src/api'
import { fakeBackend } from './support/fakeTransport'
import { buildMe } from './support/factories'

/** A page's use of it: what it shows, and its handles to reload or hand over a new answer. */
let handles: Record<string, ReturnType<typeof useMe>> = {}
function Who({ id }: { id: string }) {
  const me = useMe()
  handles[id] = me
  const s = me.state
  return <span data-testid={id}>{s.status === 'ok' ? s.data.name : s.status === 'error' ? s.error.message : '…'}</span>
}

describe('who the person is, shared by the pages', () => {
  let backend: ReturnType<typeof fakeBackend>
  afterEach(() => {
    backend.restore()
    handles = {}
  })

  it('when two pages open together, then users.me is read once and both show the answer', async () => {
    backend = fakeBackend().ok('users', 'me', buildMe({ name: '王秀英' }))
    render(
      <>
        <Who id='a' />
        <Who id='b' />
      </>,
    )
    await waitFor(() => expect(screen.getByTestId('b').textContent).toBe('王秀英'))
    expect(screen.getByTestId('a').textContent).toBe('王秀英')
    expect(backend.callsOf('users', 'me')).toHaveLength(1)
  })

  it('when a page opens after the answer came, then it shows it at once without reading again', async () => {
    backend = fakeBackend().ok('users', 'me', buildMe({ name: '王秀英' }))
    const first = render(<Who id='a' />)
    await waitFor(() => expect(screen.getByTestId('a').textContent).toBe('王秀英'))
    first.unmount()
    render(<Who id='b' />)
    expect(screen.getByTestId('b').textContent).toBe('王秀英')
    expect(backend.callsOf('users', 'me')).toHaveLength(1)
  })

  it('when the read failed, then the next page to open reads again', async () => {
    backend = fakeBackend().fail('users', 'me', { code: 'INTERNAL', message: '服务暂时出了点问题' })
    render(<Who id='a' />)
    await waitFor(() => expect(screen.getByTestId('a').textContent).toBe('服务暂时出了点问题'))
    backend.ok('users', 'me', buildMe({ name: '王秀英' }))
    render(<Who id='b' />)
    await waitFor(() => expect(screen.getByTestId('b').textContent).toBe('王秀英'))
    expect(screen.getByTestId('a').textContent).toBe('王秀英')
    expect(backend.callsOf('users', 'me')).toHaveLength(2)
  })

  it('when a page hands over the person an action answered, then every page shows it without a read', async () => {
    backend = fakeBackend().ok('users', 'me', buildMe({ name: '王秀英' }))
    render(
      <>
        <Who id='a' />
        <Who id='b' />
      </>,
    )
    await waitFor(() => expect(screen.getByTestId('a').textContent).toBe('王秀英'))
    act(() => handles.a.setData(buildMe({ name: '王秀英（已绑定）' })))
    expect(screen.getByTestId('b').textContent).toBe('王秀英（已绑定）')
    expect(backend.callsOf('users', 'me')).toHaveLength(1)
  })

  it('when a page reloads, then users.me is read again and every page shows the new answer', async () => {
    backend = fakeBackend().ok('users', 'me', buildMe({ name: '王秀英' }))
    render(
      <>
        <Who id='a' />
        <Who id='b' />
      </>,
    )
    await waitFor(() => expect(screen.getByTestId('a').textContent).toBe('王秀英'))
    backend.ok('users', 'me', buildMe({ name: '李建国' }))
    act(() => handles.a.reload())
    expect(screen.getByTestId('b').textContent).toBe('王秀英') // kept on screen while the read is under way
    await waitFor(() => expect(screen.getByTestId('b').textContent).toBe('李建国'))
    expect(backend.callsOf('users', 'me')).toHaveLength(2)
  })

  it('when a refresh fails, then the pages keep showing the person and the next page to open reads again', async () => {
    backend = fakeBackend().ok('users', 'me', buildMe({ name: '王秀英' }))
    render(<Who id='a' />)
    await waitFor(() => expect(screen.getByTestId('a').textContent).toBe('王秀英'))
    backend.fail('users', 'me', { code: 'NETWORK', message: '网络不太好，请稍后重试' })
    act(() => handles.a.reload())
    await waitFor(() => expect(backend.callsOf('users', 'me')).toHaveLength(2))
    await act(async () => undefined)
    expect(screen.getByTestId('a').textContent).toBe('王秀英')
    backend.ok('users', 'me', buildMe({ name: '王秀英' }))
    render(<Who id='b' />)
    await waitFor(() => expect(backend.callsOf('users', 'me')).toHaveLength(3))
  })

  it('when the app speaks as someone else (another demo identity), then the next page reads again', async () => {
    backend = fakeBackend().ok('users', 'me', buildMe({ name: '王秀英' }))
    const first = render(<Who id='a' />)
    await waitFor(() => expect(screen.getByTestId('a').textContent).toBe('王秀英'))
    first.unmount()
    setDevIdentity({ openid: 'o-li', name: '李建国', label: '李建国' })
    backend.ok('users', 'me', buildMe({ name: '李建国' }))
    render(<Who id='b' />)
    expect(screen.getByTestId('b').textContent).toBe('…')
    await waitFor(() => expect(screen.getByTestId('b').textContent).toBe('李建国'))
    expect(backend.callsOf('users', 'me')).toHaveLength(2)
    clearDevIdentity()
  })

  it('when a test installs its own network, then nothing read through the one before is shown', async () => {
    backend = fakeBackend().ok('users', 'me', buildMe({ name: '王秀英' }))
    const first = render(<Who id='a' />)
    await waitFor(() => expect(screen.getByTestId('a').textContent).toBe('王秀英'))
    first.unmount()
    backend.restore()
    backend = fakeBackend().ok('users', 'me', buildMe({ name: '周敏' }))
    render(<Who id='b' />)
    await waitFor(() => expect(screen.getByTestId('b').textContent).toBe('周敏'))
    expect(backend.callsOf('users', 'me')).toHaveLength(1)
  })
})
