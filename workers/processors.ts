import { UnrecoverableError, type Job } from 'bullmq';
import type { PipelineDeps } from '../src/pipeline/pipeline.js';
import { digestStep, fetchStep, matchStep, normalizeStep, sendStep, sweepStep } from '../src/pipeline/pipeline.js';
import { queueDefinitions, type Payload, type QueueName } from '../src/queues/queues.js';
import { sendFirmDeliveries } from '../src/firms/firm-send.js';

type Processor = (deps: PipelineDeps, job: Job) => Promise<unknown>;

/** Validates a job's payload; a malformed one can never succeed, so it is not retried. */
function payload<N extends QueueName>(name: N, job: Job): Payload<N> {
  const parsed = queueDefinitions[name].safeParse(job.data);
  if (!parsed.success) throw new UnrecoverableError(`invalid ${name} payload: ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}`);
  return parsed.data as Payload<N>;
}

/** Thin workers: check the payload, run one pipeline step, return its result. */
export const processors: Record<QueueName, Processor> = {
  sweep: (deps) => sweepStep(deps),
  fetch: (deps, job) => fetchStep(deps, payload('fetch', job)),
  normalize: (deps, job) => normalizeStep(deps, payload('normalize', job)),
  match: (deps, job) => matchStep(deps, payload('match', job)),
  send: (deps, job) => sendStep(deps, payload('send', job)),
  'firm-send': (deps, job) => sendFirmDeliveries(deps, payload('firm-send', job).firmDeliveryIds),
  digest: (deps, job) => digestStep(deps, payload('digest', job)),
};
