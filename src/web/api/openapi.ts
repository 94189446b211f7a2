import { z } from 'zod';
import { advisoryEditSchema, mergeSchema, rejectSchema } from '../../admin/curation.models.js';
import { advisoryStatuses, severities } from '../../advisories/advisories.table.js';

// Request bodies are described from the same zod schemas that validate them, so the document cannot drift.
const body = (schema: z.ZodType) => ({ required: true, content: { 'application/json': { schema: z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) } } });

const error = { description: 'Fehler', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
const advisoryResponse = { description: 'Die Meldung', content: { 'application/json': { schema: { type: 'object', properties: { advisory: { $ref: '#/components/schemas/Advisory' } } } } } };
const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } };
const standardErrors = { 400: error, 401: error, 403: error, 404: error, 409: error, 413: error, 422: error };

/** The OpenAPI 3.1 description of /api/v1, served at /api/v1/openapi.json. */
export function openApiDocument(publicUrl: string) {
  return {
    openapi: '3.1.0',
    info: {
      title: 'praxiswarn Redaktions-API',
      version: '1.0.0',
      description: 'Meldungen prüfen, bearbeiten, freigeben, ablehnen und zusammenführen; Quellen ansehen und abrufen. Jede Änderung steht im Protokoll. Tokens legen Sie unter /admin/tokens oder mit `praxiswarn admin token` an; Konten mit der Rolle „viewer“ dürfen nur lesen.',
    },
    servers: [{ url: new URL('/api/v1', publicUrl).href }],
    security: [{ bearer: [] }],
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'API-Token eines Redaktionskontos (pw_…)' } },
      schemas: {
        Error: {
          type: 'object', required: ['error'],
          properties: { error: { type: 'object', required: ['code', 'message'], properties: {
            code: { type: 'string', enum: ['unauthorized', 'forbidden', 'invalid', 'not_found', 'wrong_status', 'invalid_target', 'no_products', 'unknown_product', 'too_large', 'internal'] },
            message: { type: 'string', description: 'Deutsch, für Menschen' },
            errorId: { type: 'string', description: 'Nur bei „internal“: steht auch im Protokoll des Servers' },
            issues: { type: 'array', items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } } } },
          } } },
        },
        Advisory: {
          type: 'object',
          properties: {
            id: { type: 'integer' }, title: { type: 'string' }, summary: { type: 'string' }, severity: { type: 'string', enum: [...severities] },
            status: { type: 'string', enum: [...advisoryStatuses] }, revision: { type: 'integer' }, relevanceReason: { type: 'string' },
            rejectReason: { type: ['string', 'null'] }, mergedIntoId: { type: ['integer', 'null'] },
            publishedAt: { type: ['string', 'null'], format: 'date-time' }, releasedAt: { type: ['string', 'null'], format: 'date-time' }, createdAt: { type: 'string', format: 'date-time' },
            products: { type: 'array', items: { type: 'object', properties: { productId: { type: 'string' }, affectedVersions: { type: ['string', 'null'] }, fixedVersion: { type: ['string', 'null'] } } } },
            actions: { type: 'array', items: { type: 'object', properties: { id: { type: 'integer' }, text: { type: 'string' }, evidence: { type: ['string', 'null'], description: 'Satz der Quelle, aus dem die Maßnahme stammt' } } } },
            cves: { type: 'array', items: { type: 'string' } },
            noticeIds: { type: 'array', items: { type: 'integer' } },
          },
        },
      },
    },
    paths: {
      '/advisories': {
        get: {
          summary: 'Meldungen nach Status (Standard: Entwürfe), neueste zuerst',
          parameters: [
            { name: 'status', in: 'query', schema: { type: 'string', enum: [...advisoryStatuses], default: 'draft' } },
            { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 500, default: 100 } },
          ],
          responses: { 200: { description: 'Liste mit Quelle, Produkten und Zahl der Empfänger' }, 401: error, 422: error },
        },
      },
      '/advisories/{id}': {
        get: { summary: 'Eine Meldung mit Produkten, Maßnahmen (samt Fundstelle) und CVEs', parameters: [idParam], responses: { 200: advisoryResponse, 401: error, 404: error } },
        put: { summary: 'Inhalt ersetzen (Titel, Zusammenfassung, Einstufung, Produkte, Maßnahmen in Reihenfolge, CVEs)', parameters: [idParam], requestBody: body(advisoryEditSchema), responses: { 200: advisoryResponse, ...standardErrors } },
      },
      '/advisories/{id}/approve': { post: { summary: 'Freigeben: veröffentlichen und Praxen benachrichtigen (alte Meldungen und Archiv nur mit confirmOld=true, sonst 409 old_news)', parameters: [idParam, { name: 'confirmOld', in: 'query', required: false, schema: { type: 'string', enum: ['true'] } }], responses: { 200: advisoryResponse, ...standardErrors } } },
      '/advisories/{id}/reject': { post: { summary: 'Ablehnen mit Grund', parameters: [idParam], requestBody: body(rejectSchema), responses: { 200: advisoryResponse, ...standardErrors } } },
      '/advisories/{id}/merge': { post: { summary: 'In eine andere Meldung zusammenführen (Quellen und Versionen wandern mit)', parameters: [idParam], requestBody: body(mergeSchema), responses: { 200: advisoryResponse, ...standardErrors } } },
      '/sources': { get: { summary: 'Quellen mit Zustand (letzter Erfolg, letzter Fehler, Fehlerzahl, nächster Abruf)', responses: { 200: { description: 'Liste' }, 401: error } } },
      '/sources/{id}/fetch': {
        post: { summary: 'Quelle jetzt abrufen', parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }], responses: { 202: { description: 'Abruf eingereiht' }, ...standardErrors } },
      },
    },
  };
}
