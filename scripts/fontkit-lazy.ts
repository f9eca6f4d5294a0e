/**
 * Loading @pdf-lib/fontkit (1.1.1, its UMD bundle) inflates every table it might ever shape with when the module is
 * evaluated: the Arabic, Indic and Universal shaping engines' tries and state machines, and the brotli dictionary
 * WOFF2 fonts need. Our papers draw Chinese from a WOFF font (qrcodes/qrsheet-font.ts), which needs none of them,
 * yet they cost about half of fontkit's load time on every cold start of `qrcodes`. This rewrites those few
 * top-level statements so each table is built the first time something reads it, by the same code; what fontkit
 * computes is unchanged (tests/tooling/fontkit-lazy.test.ts lays out every script both ways).
 *
 * Each rewrite must match exactly once: a fontkit that changed makes the build fail here, never ships half patched.
 */

/** A stand-in that builds the real object on first use and forwards every read to it (methods bound to it). */
const LAZY = `function __fontkitLazy(make) { var value; var real = function () { return value || (value = make()); }; return new Proxy({}, { get: function (_, key) { var v = real()[key]; return typeof v === 'function' ? v.bind(real()) : v; }, has: function (_, key) { return key in real(); } }); }\n`

const inflated = (name: string) => `pako_1.inflate(base64Arraybuffer_2(${name}))`
const json = (name: string) => `JSON.parse(String.fromCharCode.apply(String, ${inflated(name)}))`
const lazy = (expr: string) => `__fontkitLazy(function () { return ${expr}; })`

const REWRITES: [before: string, after: string][] = [
  // Arabic shaper
  [
    `var trieData$1 = ${inflated('base64DeflatedTrie$1')};\n\tvar trie$1 = new unicodeTrie(trieData$1);`,
    `var trie$1 = ${lazy(`new unicodeTrie(${inflated('base64DeflatedTrie$1')})`)};`,
  ],
  // Indic shaper
  [
    [
      `var indicMachine = ${json('base64DeflatedIndicMachine')};`,
      `var useData = ${json('base64DeflatedUseData')};`,
      `var trieData$2 = ${inflated('base64DeflatedTrie$2')};`,
      `var decompositions = useData.decompositions;`,
      `var trie$2 = new unicodeTrie(trieData$2);`,
      `var stateMachine = new dfa(indicMachine);`,
    ].join('\n\t'),
    [
      `var decompositions = ${lazy(`${json('base64DeflatedUseData')}.decompositions`)};`,
      `var trie$2 = ${lazy(`new unicodeTrie(${inflated('base64DeflatedTrie$2')})`)};`,
      `var stateMachine = ${lazy(`new dfa(${json('base64DeflatedIndicMachine')})`)};`,
    ].join('\n\t'),
  ],
  // Universal Shaping Engine
  [
    [
      `var useData$1 = ${json('base64DeflatedUseData')};`,
      `var trieData$3 = ${inflated('base64DeflatedTrie$3')};`,
      `var categories = useData$1.categories,\n\t    decompositions$1 = useData$1.decompositions;`,
      `var trie$3 = new unicodeTrie(trieData$3);`,
      `var stateMachine$1 = new dfa(useData$1);`,
    ].join('\n\t'),
    [
      `var useData$1 = ${lazy(json('base64DeflatedUseData'))};`,
      `var categories = ${lazy('useData$1.categories')},\n\t    decompositions$1 = ${lazy('useData$1.decompositions')};`,
      `var trie$3 = ${lazy(`new unicodeTrie(${inflated('base64DeflatedTrie$3')})`)};`,
      `var stateMachine$1 = ${lazy(`new dfa(${json('base64DeflatedUseData')})`)};`,
    ].join('\n\t'),
  ],
  // WOFF2's brotli dictionary
  [
    `exports.dictionary = dictionaryDataCompressed.init(BrotliDecompressBuffer);`,
    `var words; Object.defineProperty(exports, 'dictionary', { configurable: true, enumerable: true, get: function () { return words || (words = dictionaryDataCompressed.init(BrotliDecompressBuffer)); } });`,
  ],
]

/** fontkit's UMD bundle with its shaping tables and brotli dictionary built on first use. Throws if it does not fit. */
export function lazyFontkitTables(source: string): string {
  let out = source
  for (const [before, after] of REWRITES) {
    const found = out.split(before).length - 1
    if (found !== 1) throw new Error(`@pdf-lib/fontkit is not the version scripts/fontkit-lazy.ts rewrites: found ${found}× "${before.slice(0, 70)}…"`)
    out = out.replace(before, () => after)
  }
  return LAZY + out
}

/** Which file the build rewrites. */
export const FONTKIT_UMD = /[\\/]@pdf-lib[\\/]fontkit[\\/]dist[\\/]fontkit\.umd\.js$/
