import { codeFromUrl, placeCodeFromQuery, placeCodeFromScan, bindCodeFromQuery } from '../../src/lib/placeCode'

describe('placeCodeFromQuery', () => {
  it('when q holds a URI-encoded stairwell URL, then the code is its last path segment', () => {
    expect(placeCodeFromQuery({ q: encodeURIComponent('https://gov.example.cn/s/AB12CD34') })).toBe('AB12CD34')
  })

  it('when q holds a URL with a c query parameter, then the code is that parameter', () => {
    expect(placeCodeFromQuery({ q: encodeURIComponent('https://gov.example.cn/r?c=XY98ZW76&from=qr') })).toBe('XY98ZW76')
  })

  it('when q holds a URL with a code query parameter, then the code is that parameter', () => {
    expect(placeCodeFromQuery({ q: encodeURIComponent('https://gov.example.cn/report?code=QQ11WW22') })).toBe('QQ11WW22')
  })

  it('when q is decoded only once, then a code that itself looks encoded is not decoded twice', () => {
    // "%2541" decoded once is "%41", which is not a valid code; decoding twice would wrongly give "A".
    expect(placeCodeFromQuery({ q: encodeURIComponent('https://h/s/%2541BCD') })).toBeNull()
  })

  it('when q ends with a slash or a hash, then the code is still found', () => {
    expect(placeCodeFromQuery({ q: encodeURIComponent('https://h/s/AB12CD34/#top') })).toBe('AB12CD34')
  })

  it('when scene holds a bare code, then the code is the scene', () => {
    expect(placeCodeFromQuery({ scene: 'AB12CD34' })).toBe('AB12CD34')
  })

  it('when scene holds an encoded c=CODE pair, then the code is its value', () => {
    expect(placeCodeFromQuery({ scene: encodeURIComponent('c=AB12CD34') })).toBe('AB12CD34')
  })

  it('when only code is given, then it is used as is', () => {
    expect(placeCodeFromQuery({ code: 'ab12cd34' })).toBe('ab12cd34')
  })

  it('when q is garbage but code is valid, then code is used', () => {
    expect(placeCodeFromQuery({ q: '%E0%A4%A', code: 'AB12CD34' })).toBe('AB12CD34')
  })

  it.each([
    [{}],
    [{ q: encodeURIComponent('https://gov.example.cn') }],
    [{ q: encodeURIComponent('https://gov.example.cn/s/AB') }],
    [{ q: '%E0%A4%A' }],
    [{ scene: 'c=' }],
    [{ scene: '你好世界' }],
    [{ code: 'AB12-CD34' }],
    [{ code: 'A'.repeat(17) }],
    [{ code: '<script>' }],
  ])('when the query is %j, then there is no code', (query) => {
    expect(placeCodeFromQuery(query)).toBeNull()
  })

  it('when the query is missing, then there is no code', () => {
    expect(placeCodeFromQuery(undefined)).toBeNull()
  })
})

describe('placeCodeFromScan', () => {
  it('when a plain QR holds the stairwell URL, then the code is its last segment', () => {
    expect(placeCodeFromScan({ result: 'https://gov.example.cn/s/AB12CD34' })).toBe('AB12CD34')
  })

  it('when a mini-program code is scanned, then the code comes from the scene in its path', () => {
    expect(placeCodeFromScan({ result: '', path: 'pages/report/index?scene=AB12CD34' })).toBe('AB12CD34')
  })

  it('when the scan holds an unrelated text, then there is no code', () => {
    expect(placeCodeFromScan({ result: '欢迎光临' })).toBeNull()
  })
})

describe('codeFromUrl', () => {
  it('when the URL has no scheme, then the last path segment is still the code', () => {
    expect(codeFromUrl('gov.example.cn/s/AB12CD34')).toBe('AB12CD34')
  })
})

describe('placeCodeFromQuery with q that is not a URL', () => {
  it('when q is a bare word, then it is not taken for a code', () => {
    expect(placeCodeFromQuery({ q: 'garbage' })).toBeNull()
  })
})

describe('bind codes from a bind notice', () => {
  test.each([
    ['the notice QR scanned with WeChat', { q: encodeURIComponent('https://gov.example.cn/b/ABCDE-FGH23') }, 'ABCDEFGH23'],
    ['an in-app link in lower case with a space', { code: 'abcde fgh23' }, 'ABCDEFGH23'],
    ['a stairwell code is not a bind code', { q: encodeURIComponent('https://gov.example.cn/s/AB12CD34') }, null],
    ['nothing', {}, null],
  ])('%s', (_label, query, expected) => {
    expect(bindCodeFromQuery(query)).toBe(expected)
  })
})
