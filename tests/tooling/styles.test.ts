/**
 * The stylesheets' conventions (src/styles/tokens.css), checked on the sources:
 * - sizes in design px only: pxtransform turns px into rpx on weapp and rem on H5, and rpx would be converted by
 *   another rule on H5;
 * - type sizes, colours and spaces from the tokens, so large type, contrast and rhythm are decided in one place;
 * - a page reaches every stylesheet that styles the classes it uses (through app.css or its own imports): a class
 *   styled only in a stylesheet some other page imports looks right or not depending on which page was opened first.
 */
import fs from 'node:fs'
import path from 'node:path'

const SRC = path.resolve(__dirname, '../../src')
const rel = (file: string) => path.relative(SRC, file)

function filesUnder(dir: string, ext: RegExp): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name)
    return e.isDirectory() ? filesUnder(p, ext) : ext.test(e.name) ? [p] : []
  })
}

const stylesheets = filesUnder(SRC, /\.css$/)
const withoutComments = (css: string) => css.replace(/\/\*[\s\S]*?\*\//g, '')
/** Declarations as [property, value], outside comments. */
const declarations = (css: string) => [...withoutComments(css).matchAll(/([-\w]+)\s*:\s*([^;{}]+)/g)].map(([, prop, value]) => [prop, value.trim()] as const)
const classesOf = (css: string) =>
  new Set(
    [
      ...withoutComments(css)
        .replace(/\{[^}]*\}/g, '{}')
        .matchAll(/\.([a-zA-Z][\w-]*)/g),
    ].map((m) => m[1]),
  )

describe('stylesheets', () => {
  it('size everything in design px: no stylesheet uses rpx', () => {
    const offenders = stylesheets.filter((f) => /\d\s*rpx\b/.test(withoutComments(fs.readFileSync(f, 'utf8')))).map(rel)
    expect(offenders).toEqual([])
  })

  it('take every font size from the type scale of the tokens', () => {
    const offenders = stylesheets.flatMap((f) =>
      declarations(fs.readFileSync(f, 'utf8'))
        .filter(([prop, value]) => prop === 'font-size' && !/^var\(--font-[\w-]+\)( !important)?$/.test(value))
        .map(([, value]) => `${rel(f)}: font-size ${value}`),
    )
    expect(offenders).toEqual([])
  })

  it('write colours only in the tokens', () => {
    const offenders = stylesheets
      .filter((f) => !f.endsWith(path.join('styles', 'tokens.css')))
      .flatMap((f) =>
        declarations(fs.readFileSync(f, 'utf8'))
          .filter(([prop, value]) => !prop.startsWith('--') && /#[0-9a-f]{3,8}\b|rgba?\(|hsla?\(/i.test(value))
          .map(([prop, value]) => `${rel(f)}: ${prop} ${value}`),
      )
    expect(offenders).toEqual([])
  })

  it('take every margin, padding and gap from the spaces of the tokens', () => {
    const offenders = stylesheets.flatMap((f) =>
      declarations(fs.readFileSync(f, 'utf8'))
        .filter(([prop, value]) => /^(margin|padding)(-(top|right|bottom|left))?$|^(row-|column-)?gap$/.test(prop) && /\d\s*(px|rpx|rem|em)\b/.test(value))
        .map(([prop, value]) => `${rel(f)}: ${prop} ${value}`),
    )
    expect(offenders).toEqual([])
  })
})

/** The local modules and stylesheets a source file imports. */
function importsOf(file: string): string[] {
  const src = fs.readFileSync(file, 'utf8')
  const specs = [
    ...src.matchAll(
      /(?:import|export)\s[^'"]*?from\s+['"](\.[^'"]+)['"]|import\s+['"](\.[^'"]+)['"]|require\(['"](\.[^'"]+)['"]\)|@import\s+['"](\.[^'"]+)['"]/g,
    ),
  ].map((m) => m[1] ?? m[2] ?? m[3] ?? m[4])
  return specs.flatMap((spec) => {
    const base = path.resolve(path.dirname(file), spec)
    const found = [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')].find(
      (p) => fs.existsSync(p) && fs.statSync(p).isFile(),
    )
    return found && found.startsWith(SRC) ? [found] : []
  })
}

function reachable(entry: string): Set<string> {
  const seen = new Set<string>()
  const walk = (f: string) => {
    if (seen.has(f)) return
    seen.add(f)
    importsOf(f).forEach(walk)
  }
  walk(entry)
  return seen
}

/** Every page of app.config.ts, main package and subpackages, as its source file. */
function pageFiles(): string[] {
  const config = fs.readFileSync(path.join(SRC, 'app.config.ts'), 'utf8')
  const roots = [...config.matchAll(/root:\s*'([^']+)'[^}]*?pages:\s*\[([^\]]*)\]/g)].flatMap(([, root, list]) =>
    [...list.matchAll(/'([^']+)'/g)].map((m) => `${root}/${m[1]}`),
  )
  const main = [...config.slice(config.indexOf('pages:'), config.indexOf('subPackages')).matchAll(/'(pages\/[^']+)'/g)].map((m) => m[1])
  return [...main, ...roots].map((p) => [`${p}.tsx`, `${p}.ts`].map((f) => path.join(SRC, f)).find((f) => fs.existsSync(f))!)
}

/** The words of every string in a `className=` attribute (a literal, or the strings of its expression). */
function classNamesIn(tsx: string): string[] {
  const words: string[] = []
  for (const m of tsx.matchAll(/className=/g)) {
    let i = m.index! + 'className='.length
    let expr = ''
    if (tsx[i] === "'" || tsx[i] === '"') expr = tsx.slice(i, tsx.indexOf(tsx[i], i + 1) + 1)
    else if (tsx[i] === '{') {
      for (let depth = 0; i < tsx.length; i++) {
        expr += tsx[i]
        if (tsx[i] === '{') depth++
        else if (tsx[i] === '}' && --depth === 0) break
      }
    }
    // quoted strings, and a template's text (not the code inside its ${…}, whose own strings the first alternatives find)
    const strings = expr.replace(
      /`([^`]*)`/g,
      (_t, body: string) => ` '${body.replace(/\$\{[^}]*\}/g, ' ')}' ${[...body.matchAll(/\$\{([^}]*)\}/g)].map((x) => x[1]).join(' ')} `,
    )
    for (const q of strings.matchAll(/'([^'\n]*)'|"([^"\n]*)"/g))
      words.push(...Array.from((q[1] ?? q[2]).matchAll(/[a-z][a-z0-9]*(?:-[a-z0-9]+)*/g), (w) => w[0]))
  }
  return words
}

describe('each page and its stylesheets', () => {
  const global = reachable(path.join(SRC, 'app.tsx'))
  const styledAnywhere = new Map<string, string[]>()
  for (const f of stylesheets) for (const c of classesOf(fs.readFileSync(f, 'utf8'))) styledAnywhere.set(c, [...(styledAnywhere.get(c) ?? []), rel(f)])

  it.each(pageFiles().map((f) => [rel(f), f]))('%s reaches every stylesheet that styles a class it uses', (_name, page) => {
    const files = new Set([...global, ...reachable(page)])
    const sheets = [...files].filter((f) => f.endsWith('.css'))
    const styledHere = new Set(sheets.flatMap((f) => [...classesOf(fs.readFileSync(f, 'utf8'))]))
    const words = new Set([...files].filter((f) => /\.tsx?$/.test(f)).flatMap((f) => classNamesIn(fs.readFileSync(f, 'utf8'))))
    const missing = [...words]
      .filter((w) => styledAnywhere.has(w) && !styledHere.has(w))
      .map((w) => `${w} (styled only in ${styledAnywhere.get(w)!.join(', ')})`)
    expect(missing).toEqual([])
  })
})
