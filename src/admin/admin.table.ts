import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { createdAt, timestamp } from '../db/columns.js';

export const adminRoles = ['editor', 'viewer'] as const;
export type AdminRole = (typeof adminRoles)[number];

export const admins = sqliteTable('admins', {
  id: integer().primaryKey({ autoIncrement: true }),
  /** Stored lower-cased. */
  email: text().notNull().unique(),
  /** `scrypt$N$r$p$salt$hash`, all base64url. */
  passwordHash: text().notNull(),
  role: text({ enum: adminRoles }).notNull().default('editor'),
  failedLogins: integer().notNull().default(0),
  lockedUntil: timestamp(),
  lastLoginAt: timestamp(),
  /** Set for a password someone else saw (printed by the CLI): the next login must choose a new one first. */
  mustChangePassword: integer({ mode: 'boolean' }).notNull().default(false),
  disabledAt: timestamp(),
  createdAt: createdAt(),
});

/**
 * Failed logins per address and client, kept the same whether an account exists or not, so that the answer tells
 * nothing about which addresses have accounts. The key is the SHA-256 of the lower-cased address and the client.
 */
export const loginThrottle = sqliteTable('login_throttle', {
  key: text().primaryKey(),
  /** SHA-256 of the lower-cased address alone, so that an unlock link can lift every client's delay at once. */
  emailHash: text().notNull(),
  failures: integer().notNull().default(0),
  /** No password is checked for this address and client before then. */
  blockedUntil: timestamp(),
  updatedAt: timestamp().notNull(),
}, (t) => [index('login_throttle_email_idx').on(t.emailHash)]);

/** A login session; the cookie carries a random token, the table only its SHA-256. */
export const sessions = sqliteTable(
  'sessions',
  {
    tokenHash: text().primaryKey(),
    adminId: integer()
      .notNull()
      .references(() => admins.id, { onDelete: 'cascade' }),
    csrfToken: text().notNull(),
    createdAt: createdAt(),
    lastSeenAt: timestamp().notNull(),
    expiresAt: timestamp().notNull(),
  },
  (t) => [index('sessions_admin_idx').on(t.adminId)],
);

/** Tokens for /api/v1; the table holds only their SHA-256. */
export const apiTokens = sqliteTable('api_tokens', {
  id: integer().primaryKey({ autoIncrement: true }),
  adminId: integer()
    .notNull()
    .references(() => admins.id, { onDelete: 'cascade' }),
  name: text().notNull(),
  tokenHash: text().notNull().unique(),
  createdAt: createdAt(),
  lastUsedAt: timestamp(),
  revokedAt: timestamp(),
});

/** Every curation and configuration change: who, when, what, before and after. */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    /** Null for changes made by the system or the CLI. */
    adminId: integer().references(() => admins.id, { onDelete: 'set null' }),
    actor: text().notNull(),
    action: text().notNull(),
    entity: text().notNull(),
    entityId: text().notNull(),
    before: text({ mode: 'json' }).$type<unknown>(),
    after: text({ mode: 'json' }).$type<unknown>(),
    createdAt: createdAt(),
  },
  (t) => [index('audit_log_entity_idx').on(t.entity, t.entityId), index('audit_log_created_idx').on(t.createdAt)],
);
