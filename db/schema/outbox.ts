/** Outgoing mail. Written in the same batch as the change that causes it; the only way a mail leaves. */
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { OUTBOX_STATUSES } from '../../pool/reference/index.ts'
import type { Attachment } from '../../pool/shared/index.ts'

export const outbox = sqliteTable(
  'outbox',
  {
    id: text('id').primaryKey(),
    createdAt: integer('created_at').notNull(),
    to: text('to').notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    html: text('html'),
    status: text('status', { enum: OUTBOX_STATUSES }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at').notNull(),
    sentAt: integer('sent_at'),
    lastError: text('last_error'),
    /** Files sent along (a deployment's .ics): `[{filename, contentType, content}]`, content as text. */
    attachments: text('attachments', { mode: 'json' }).$type<Attachment[]>(),
  },
  (t) => [index('outbox_due').on(t.status, t.nextAttemptAt), index('outbox_created').on(t.createdAt)],
)
