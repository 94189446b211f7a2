// Every table of every feature, for drizzle's relational queries and for tests.
export * from '../catalog/catalog.table.js';
export * from '../sources/sources.table.js';
export * from '../ingest/notices.table.js';
export * from '../advisories/advisories.table.js';
export * from '../practices/practices.table.js';
export * from '../notify/deliveries.table.js';
export * from '../catalog/proposals.table.js';
export * from '../admin/admin.table.js';
export * from '../firms/firms.table.js';
