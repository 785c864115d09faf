/**
 * The box around a table that may scroll sideways. It is named and focusable, so that a keyboard
 * user can scroll it (axe scrollable-region-focusable); list tables also carry `class="cards"` and
 * a `data-label` per cell, and become one card per row on a phone (views/app.css), so that nothing
 * hides behind the scroll there.
 */
import type { Child } from 'hono/jsx'

export function TableRegion(props: { label: string; id?: string; children: Child }) {
  return (
    <div class="scroll" tabindex={0} role="region" aria-label={props.label} id={props.id}>
      {props.children}
    </div>
  )
}
