/** What a reader sees of an HTML page: its text and the attributes read aloud, without markup or scripts. */

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  '#39': "'",
  apos: "'",
  nbsp: ' ',
}
const decode = (s: string) => s.replace(/&(#?\w+);/g, (whole, name: string) => ENTITIES[name] ?? whole)

/** The visible text of `html`, plus the labels a screen reader says (aria-label, title, alt, placeholder). */
export function visibleText(html: string): string {
  const body = html.replace(/<script\b[\s\S]*?<\/script>/gi, ' ').replace(/<style\b[\s\S]*?<\/style>/gi, ' ')
  const said = [...body.matchAll(/\s(?:aria-label|title|alt|placeholder)="([^"]*)"/g)].map((m) => m[1]!)
  const text = body.replace(/<[^>]+>/g, ' ')
  return decode(`${text} ${said.join(' ')}`)
    .replace(/\s+/g, ' ')
    .trim()
}
