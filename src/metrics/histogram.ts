import type { Metric, Registry } from 'prom-client';

export type HistogramSeries = { labels: Record<string, string>; count: number; sum: number; buckets: number[] };

/**
 * Registers a histogram whose bucket counts come ready-made (from an SQL aggregate) instead of from observe() calls,
 * which prom-client's own Histogram would need once per mail. `buckets` of each series are cumulative and in the
 * order of `upperBounds`; the text it renders is the one a prom-client Histogram renders.
 */
export function registerReadyHistogram(
  registry: Registry,
  { name, help, upperBounds, read }: { name: string; help: string; upperBounds: readonly number[]; read: () => HistogramSeries[] | Promise<HistogramSeries[]> },
): void {
  const metric = {
    name,
    help,
    type: 'histogram',
    aggregator: 'sum',
    async get() {
      const values = (await read()).flatMap((s) => [
        ...upperBounds.map((le, i) => ({ metricName: `${name}_bucket`, labels: { ...s.labels, le }, value: s.buckets[i] ?? 0 })),
        { metricName: `${name}_bucket`, labels: { ...s.labels, le: '+Inf' }, value: s.count },
        { metricName: `${name}_sum`, labels: s.labels, value: s.sum },
        { metricName: `${name}_count`, labels: s.labels, value: s.count },
      ]);
      return { name, help, type: 'histogram', aggregator: 'sum', values };
    },
  };
  // The registry only reads name, help, type and get(): the structural stand-in is all it needs.
  registry.registerMetric(metric as unknown as Metric);
}
