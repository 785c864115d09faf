/**
 * A document's <head>, written as text. Hono's JSX wraps every <head> (and <svg>) in a context
 * provider, and rendering one starts an AsyncLocalStorage run: on Node 20 that turns on promise
 * hooks for every promise the process makes from then on, every request's (docs/bench.md,
 * "Promise hooks"). The text is the same the JSX gave; `html` escapes what is put in.
 */
import { html } from 'hono/html'

export function Head(props: { title: string; css: string; htmx?: string | undefined; noindex?: boolean }) {
  const robots = props.noindex ? html`<meta name="robots" content="noindex"/>` : ''
  const script = props.htmx ? html`<script src="${props.htmx}" defer=""></script>` : ''
  return html`<head><meta charset="utf-8"/><meta name="viewport" content="width=device-width, initial-scale=1"/>${robots}<title>${props.title}</title><link rel="icon" href="data:,"/><link rel="stylesheet" href="${props.css}"/>${script}</head>`
}
