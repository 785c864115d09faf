/** Accounts, sessions and single-use tokens. Secrets are never stored: only their SHA-256. */
import { sql } from 'drizzle-orm'
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { TOKEN_PURPOSES, USER_ROLES } from '../../pool/reference/index.ts'
import { islands } from './reference.ts'

export const users = sqliteTable(
  'users',
  {
    id: text('id').primaryKey(),
    email: text('email').notNull().unique(),
    name: text('name').notNull(),
    role: text('role', { enum: USER_ROLES }).notNull(),
    island: text('island').references(() => islands.code),
    organisation: text('organisation').notNull().default(''),
    phone: text('phone').notNull().default(''),
    functionaryId: text('functionary_id'),
    passwordHash: text('password_hash'),
    locale: text('locale').notNull().default('en'),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    version: integer('version').notNull().default(1),
    /** Random mark of the last guarded write: the batch's dependent rows check for it (db/guard.ts). */
    stamp: text('stamp'),
    createdAt: integer('created_at').notNull(),
  },
  /** One account per pool member: enforced here, so that two invitations at once make one account. */
  (t) => [
    uniqueIndex('users_functionary').on(t.functionaryId),
    // the admin's list of accounts: active ones by name, paged
    index('users_active_name').on(t.active, sql`"name" collate nocase`, t.id),
  ],
)

export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    secretHash: text('secret_hash').notNull(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: integer('created_at').notNull(),
    expiresAt: integer('expires_at').notNull(),
    /** Updated at most every few minutes (server/auth/session.ts), so that reading a page stays a read. */
    lastSeenAt: integer('last_seen_at').notNull().default(0),
    /** The browser's User-Agent at sign-in, cut short: the "device" on the account page. */
    userAgent: text('user_agent').notNull().default(''),
  },
  (t) => [index('sessions_user').on(t.userId)],
)

/**
 * Single-use links that set a password (invitation, reset, admin CLI). Used or replaced links are
 * kept with `usedAt` (not deleted) so that the page can say plainly that a link was used.
 */
export const userTokens = sqliteTable(
  'user_tokens',
  {
    id: text('id').primaryKey(),
    secretHash: text('secret_hash').notNull(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    purpose: text('purpose', { enum: TOKEN_PURPOSES }).notNull(),
    expiresAt: integer('expires_at').notNull(),
    createdAt: integer('created_at').notNull().default(0),
    usedAt: integer('used_at'),
    /** Random mark of the batch that used the link: the password update checks for it (db/guard.ts). */
    stamp: text('stamp'),
  },
  (t) => [index('user_tokens_user').on(t.userId)],
)

/** Fixed-window counters for rate limits; kept in the database so that Node and Workers share them. */
export const rateLimits = sqliteTable('rate_limits', {
  key: text('key').primaryKey(),
  windowStart: integer('window_start').notNull(),
  count: integer('count').notNull(),
})
