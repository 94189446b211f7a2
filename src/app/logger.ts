import { pino, type Logger } from 'pino';

/** Structured JSON logs: a fixed message, data in fields (sourceId, advisoryId, practiceId, jobId); never e-mail addresses. */
export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'praxiswarn' }, timestamp: pino.stdTimeFunctions.isoTime });
}
