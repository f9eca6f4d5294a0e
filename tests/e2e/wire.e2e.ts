import { WIRE_TARGET_KB, measureLoad } from '../../bench/wire'
import { useApp } from './browser'

const app = useApp()

/** What a phone downloads to open the app: the H5 build's scripts compressed, and kept by the browser once it has them. */
describe('the H5 app on the wire', () => {
  it(`when the app is opened for the first time, then at most ${WIRE_TARGET_KB} KB of JS cross the wire, and none when it is opened again`, async () => {
    const page = await app.phone()
    const first = await measureLoad(page, `${app.url}/`)
    const kb = (b: number) => (b / 1024).toFixed(1)
    console.log(
      `first load: ${first.scripts} scripts, ${kb(first.encodedBytes)} KB of JS on the wire (${kb(first.decodedBytes)} KB decoded)\n` +
        first.files.map((f) => `  ${f.url} ${f.encoding} ${kb(f.encodedBytes)} KB (${kb(f.decodedBytes)} KB)`).join('\n'),
    )
    expect(first.scripts).toBeGreaterThan(0)
    expect(first.files.every((f) => f.encoding === 'br' && f.cacheControl.includes('immutable'))).toBe(true)
    expect(first.encodedBytes).toBeLessThanOrEqual(WIRE_TARGET_KB * 1024)
    // hashed scripts are immutable: a second visit takes them from the browser's cache without asking
    const again = await measureLoad(page, `${app.url}/`)
    expect({ scripts: again.scripts, bytes: again.encodedBytes }).toEqual({ scripts: 0, bytes: 0 })
  })
})
