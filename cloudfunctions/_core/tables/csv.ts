/**
 * RFC 4180 CSV: quoted fields, doubled quotes, commas and line breaks inside quotes, CRLF or LF, an optional
 * UTF-8 BOM (Excel adds one). Returns rows with their 1-based line number in the file, blank lines skipped.
 */
export function parseCsv(text: string): { line: number; cells: string[] }[] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  const rows: { line: number; cells: string[] }[] = []
  let cells: string[] = []
  let cell = ''
  let quoted = false
  let line = 1
  let rowLine = 1
  const endRow = () => {
    cells.push(cell)
    if (cells.some((c) => c.trim() !== '')) rows.push({ line: rowLine, cells })
    cells = []
    cell = ''
  }
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        cell += '"'
        i++
      } else if (ch === '"') quoted = false
      else {
        if (ch === '\n') line++
        cell += ch
      }
    } else if (ch === '"' && cell === '') quoted = true
    else if (ch === ',') {
      cells.push(cell)
      cell = ''
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++
      endRow()
      line++
      rowLine = line
    } else cell += ch
  }
  if (cell !== '' || cells.length) endRow()
  return rows
}

/** GB18030 as Node's ICU reads it; the spreadsheet function passes iconv-lite instead, which needs no ICU data. */
const icuGb18030 = (bytes: Uint8Array): string | null => {
  try {
    return new TextDecoder('gb18030', { fatal: true }).decode(bytes)
  } catch {
    return null
  }
}

/**
 * A spreadsheet saved as CSV, as text: UTF-8 (with or without Excel's BOM) when the bytes are strictly valid UTF-8,
 * else GB18030 — a superset of GBK, what Chinese Excel and WPS write when told "CSV". Null when neither reads it (a
 * binary file). The GB18030 decoder is a parameter so that only the function that needs it carries iconv-lite.
 */
export function decodeText(bytes: Uint8Array, gb18030: (bytes: Uint8Array) => string | null = icuGb18030): string | null {
  let text: string | null
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    text = gb18030(bytes)
  }
  // a NUL never appears in a text table: this was some other kind of file (e.g. .xlsx, which is a zip)
  return text === null || text.includes('\u0000') ? null : text
}
