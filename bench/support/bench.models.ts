/**
 * What every bench/*.bench.ts exports (see bench/README.md): a description and a `run` that measures its figure and
 * the baseline in the same process and run. Times are in seconds, rates per second.
 */
export type BenchResult = {
  value: number;
  unit: string;
  baseline: number;
  /** value / baseline; the runner computes it when missing. */
  ratio?: number;
  /** Set only by a benchmark that measures its baselines after its own figure and wants their memory left out. */
  peakRssMb?: number;
  /** The goal from the issue, in words, printed beside the figure. */
  goal?: string;
  /** Further numbers worth keeping (a second baseline, a breakdown); copied into the JSON as they are. */
  extra?: Record<string, number | string | boolean>;
};

export type Benchmark = { description: string; run(): Promise<BenchResult> };

/** Peak resident memory of this process so far, in MB. */
export function peakRssMb(): number {
  return Math.round((process.resourceUsage().maxRSS / 1024) * 10) / 10;
}

export function seconds(fromMs: number): number {
  return (performance.now() - fromMs) / 1000;
}

export function round(n: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

export async function waitUntil(check: () => boolean | Promise<boolean>, { timeoutMs = 300_000, what = 'condition', everyMs = 20 } = {}): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
