import { pgTables } from './pg-schema.js';

// drizzle-kit finds the tables of a schema file among its named exports; test/postgres-schema.test.ts checks that
// every SQLite table is listed here.
export const {
  absences,
  acknowledgements,
  admins,
  advisories,
  advisoryActions,
  advisoryCves,
  advisoryProducts,
  advisoryRevisions,
  advisorySources,
  apiTokens,
  auditLog,
  deliveries,
  digestRuns,
  firmDeliveries,
  firmPractices,
  firms,
  impactAnswers,
  loginThrottle,
  matches,
  notices,
  practices,
  productProposals,
  products,
  scopeSubscriptions,
  sessions,
  sources,
  subscriptions,
  vendors,
} = pgTables;
