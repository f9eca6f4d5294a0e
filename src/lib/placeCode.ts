/**
 * Where a stairwell QR code puts its place code, depending on how the mini-program was opened:
 * - `q`: WeChat "scan ordinary QR code" passes the whole URL, URI-encoded once, e.g.
 *   `https%3A%2F%2Fgov.example.cn%2Fs%2FAB12CD34` or `...%3Fc%3DAB12CD34`;
 * - `scene`: a mini-program code (wxacode.getUnlimited), URI-encoded once: `AB12CD34` or `c=AB12CD34`;
 * - `code`: an in-app link, e.g. from Taro.scanCode or the H5 stairwell link `/pages/report/index?code=AB12CD34`.
 * Pure: no Taro, no URL global (the mini-program JS engine lacks it).
 */
export const PLACE_CODE = /^[A-Za-z0-9]{4,16}$/

export type LaunchQuery = Record<string, string | undefined>

const decodeOnce = (s: string): string => {
  try {
    return decodeURIComponent(s)
  } catch {
    return s
  }
}

const valid = (s: string | undefined | null): string | null => {
  const t = (s ?? '').trim()
  return PLACE_CODE.test(t) ? t : null
}

const parseQueryString = (qs: string): Record<string, string> => {
  const out: Record<string, string> = {}
  for (const part of qs.split('&')) {
    if (!part) continue
    const i = part.indexOf('=')
    const k = decodeOnce(i < 0 ? part : part.slice(0, i))
    out[k] = decodeOnce(i < 0 ? '' : part.slice(i + 1).replace(/\+/g, ' '))
  }
  return out
}

const fromParams = (params: Record<string, string>): string | null => valid(params.c) ?? valid(params.code)

/** The code inside a URL (already decoded): `c`/`code` query parameter first, else the last path segment. */
export const codeFromUrl = (url: string): string | null => {
  const noHash = url.split('#')[0]
  const qi = noHash.indexOf('?')
  const path = qi < 0 ? noHash : noHash.slice(0, qi)
  if (qi >= 0) {
    const byParam = fromParams(parseQueryString(noHash.slice(qi + 1)))
    if (byParam) return byParam
  }
  const withoutOrigin = path.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '')
  const segments = withoutOrigin.split('/').filter(Boolean)
  // A bare host ("https://host") has no path, hence no code.
  return segments.length ? valid(segments[segments.length - 1]) : null
}

const fromQ = (q: string): string | null => {
  const url = decodeOnce(q).trim()
  if (!url) return null
  // WeChat always puts a whole URL in `q`; a bare word there did not come from a stairwell code.
  return url.includes('/') ? codeFromUrl(url) : null
}

const fromScene = (scene: string): string | null => {
  const s = decodeOnce(scene).trim()
  if (s.includes('=')) return fromParams(parseQueryString(s))
  return valid(s)
}

/** The place code of a launch query, or null when the query holds none that looks right. */
export const placeCodeFromQuery = (query: LaunchQuery | null | undefined): string | null => {
  if (!query) return null
  if (query.q) {
    const c = fromQ(query.q)
    if (c) return c
  }
  if (query.scene) {
    const c = fromScene(query.scene)
    if (c) return c
  }
  if (query.code) return valid(decodeOnce(query.code))
  return null
}

/** What Taro.scanCode returns for a stairwell code: a URL (plain QR) or a mini-program path with `scene`. */
export const placeCodeFromScan = (scan: { result?: string; path?: string }): string | null => {
  if (scan.path) {
    const qi = scan.path.indexOf('?')
    if (qi >= 0) {
      const c = placeCodeFromQuery(parseQueryString(scan.path.slice(qi + 1)))
      if (c) return c
    }
  }
  const r = (scan.result ?? '').trim()
  if (!r) return null
  return r.includes('/') || r.includes('?') ? codeFromUrl(r) : valid(r)
}

/**
 * The household bind code a bind notice's QR carries (`…/b/ABCDE-FGHJK`, opened like a stairwell code: `q` holds the
 * whole URL), or an in-app `code`; dashes and spaces dropped. Null when there is none that looks right.
 */
export const bindCodeFromQuery = (query: LaunchQuery | null | undefined): string | null => {
  if (!query) return null
  const raw = query.q ? (decodeOnce(query.q).split('#')[0].split('?')[0].split('/').filter(Boolean).pop() ?? '') : decodeOnce(query.code ?? '')
  const code = raw.replace(/[\s-]/g, '').toUpperCase()
  return /^[A-Z0-9]{10}$/.test(code) ? code : null
}
