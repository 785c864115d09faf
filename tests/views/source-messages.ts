/** Finds the messages a source file can produce: its string and template literals that read as sentences. */

export interface Literal {
  /** The static pieces of the literal; a plain string has one. */
  quasis: string[]
  /** The source text of each `${…}` between them. */
  exprs: string[]
  /** Offset in the file, for the failure message. */
  at: number
}

const REGEX_BEFORE = new Set([...'(,=:[!&|?{};+-*%<>~^'])

/**
 * A small tokenizer: enough of TypeScript to tell strings, templates, comments and regular
 * expressions apart. Returns the literals and the source with all of them blanked out (same
 * offsets), so that code structure can be searched without tripping over quoted braces.
 */
export function scanLiterals(src: string): { literals: Literal[]; skeleton: string } {
  const literals: Literal[] = []
  const skeleton = src.split('')
  const blank = (from: number, to: number) => {
    for (let k = from; k < to; k++) if (skeleton[k] !== '\n') skeleton[k] = ' '
  }
  let i = 0
  let last = ''

  const readString = (quote: string): string => {
    let out = ''
    i++
    while (i < src.length && src[i] !== quote) {
      if (src[i] === '\\') {
        out += unescaped(src[i + 1]!)
        i += 2
      } else out += src[i++]
    }
    i++
    return out
  }

  /** From the opening backtick to past the closing one; nested literals inside `${}` are read too. */
  const readTemplate = (): void => {
    const at = i
    const quasis: string[] = []
    const exprs: string[] = []
    let text = ''
    i++
    while (i < src.length && src[i] !== '`') {
      if (src[i] === '\\') {
        text += unescaped(src[i + 1]!)
        i += 2
      } else if (src[i] === '$' && src[i + 1] === '{') {
        quasis.push(text)
        text = ''
        i += 2
        const start = i
        let depth = 1
        while (i < src.length && depth > 0) {
          const ch = src[i]!
          if (ch === "'" || ch === '"') {
            const from = i
            literals.push({ quasis: [readString(ch)], exprs: [], at: from })
          } else if (ch === '`') readTemplate()
          else {
            if (ch === '{') depth++
            if (ch === '}') depth--
            i++
          }
        }
        exprs.push(src.slice(start, i - 1).trim())
      } else text += src[i++]
    }
    i++
    quasis.push(text)
    literals.push({ quasis, exprs, at })
  }

  while (i < src.length) {
    const ch = src[i]!
    const from = i
    if (ch === '/' && src[i + 1] === '/') {
      while (i < src.length && src[i] !== '\n') i++
      blank(from, i)
    } else if (ch === '/' && src[i + 1] === '*') {
      i = src.indexOf('*/', i + 2) + 2
      blank(from, i)
    } else if (ch === "'" || ch === '"') {
      literals.push({ quasis: [readString(ch)], exprs: [], at: from })
      blank(from, i)
      last = 'x'
    } else if (ch === '`') {
      readTemplate()
      blank(from, i)
      last = 'x'
    } else if (
      ch === '/' &&
      (last === '' || REGEX_BEFORE.has(last) || /\breturn\s*$/.test(src.slice(0, i)))
    ) {
      i++
      let inClass = false
      while (i < src.length && (src[i] !== '/' || inClass)) {
        if (src[i] === '\\') i++
        else if (src[i] === '[') inClass = true
        else if (src[i] === ']') inClass = false
        i++
      }
      i++
      while (/[a-z]/.test(src[i] ?? '')) i++
      blank(from, i)
      last = 'x'
    } else {
      if (!/\s/.test(ch)) last = ch
      i++
    }
  }
  return { literals, skeleton: skeleton.join('') }
}

function unescaped(ch: string): string {
  return ({ n: '\n', t: '\t', r: '\r' } as Record<string, string>)[ch] ?? ch
}

export interface Found {
  /** `pool/requests.ts:212`, for the failure message. */
  where: string
  /** The literal with `${…}` kept: what a reader of the source recognises. */
  template: string
  /** The literal with each placeholder (`${…}` or `%s`) filled in by `fill`. */
  sample: (fill: (expr: string) => string) => string
}

/** Functions that write mails: their text stays English (mails go to mixed audiences). */
const MAIL_FUNCTION = /function \w*Mails?\s*\(/g

/** Offsets [start, end) of the mail-writing functions' bodies, found on the blanked source. */
function mailBodies(skeleton: string): [number, number][] {
  const ranges: [number, number][] = []
  for (const m of skeleton.matchAll(MAIL_FUNCTION)) {
    let i = m.index + m[0].length
    for (let depth = 1; depth > 0; i++) depth += skeleton[i] === '(' ? 1 : skeleton[i] === ')' ? -1 : 0
    const open = skeleton.indexOf('{', i)
    let end = open + 1
    for (let depth = 1; depth > 0; end++) depth += skeleton[end] === '{' ? 1 : skeleton[end] === '}' ? -1 : 0
    ranges.push([open, end])
  }
  return ranges
}

/**
 * The sentences (a capital first, `.`, `?` or `!` last, at least one word of its own) and the
 * lower-case phrases of two words or more that a source file holds outside its mail functions.
 * A placeholder counts as a capital, so `${role} is given twice.` is a sentence; a literal of
 * placeholders only (`${c.name} ${why}.`) is a composition of other messages, not one itself.
 */
export function messagesIn(file: string, src: string): { sentences: Found[]; phrases: Found[] } {
  const { literals, skeleton } = scanLiterals(src)
  const mail = mailBodies(skeleton)
  const sentences: Found[] = []
  const phrases: Found[] = []
  for (const l of literals) {
    if (mail.some(([a, b]) => l.at >= a && l.at < b)) continue
    const exprs = l.exprs.map((e) => e.replace(/\s+/g, ' '))
    const own = l.quasis.join(' ')
    const shape = l.quasis.join('X').replace(/%s/g, 'X').trim()
    const found: Found = {
      where: `${file}:${src.slice(0, l.at).split('\n').length}`,
      template: l.quasis.reduce((acc, q, i) => `${acc}\${${exprs[i - 1]}}${q}`),
      sample: (fill) =>
        l.quasis
          .reduce((acc, q, i) => acc + fill(exprs[i - 1]!) + q)
          .replace(/%s/g, () => fill('%s'))
          .trim(),
    }
    if (/^[A-Z].*[.?!]$/s.test(shape) && /[A-Za-z]{2,}/.test(own.replace(/%s/g, ''))) sentences.push(found)
    else if (/^[a-z][a-z-]* \S/.test(shape)) phrases.push(found)
  }
  return { sentences, phrases }
}
