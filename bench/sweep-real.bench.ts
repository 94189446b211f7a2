import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { round, type Benchmark } from './support/bench.models.js';
import { compileScript, compileTree, type CompiledTree } from './support/compiled-tree.js';

// The commit before issue 21: the second feed reader (feed-tree.ts, feed-items.ts), cpu-turns.ts and two sources
// under way per fetch job. "Today's code" in the issue; BENCH_SWEEP_BEFORE names another commit to compare against,
// or `checkout` to run this checkout on both sides (how far two runs of the same code differ here).
const beforeCommit = process.env.BENCH_SWEEP_BEFORE ?? 'ccddb90b7a47d9f80a058546b2498972e3d58deb';
const hours = Number(process.env.BENCH_SWEEP_REAL_HOURS ?? 3);
const repo = fileURLToPath(new URL('..', import.meta.url));

type Hour = { cpuS: number; busyS: number; fetches: number; newNotices: number; notModified: number };
type Side = { hours: Hour[]; settleS: number; settleCpuS: number; idleCpuPerS: number; peakRssMb: number; rssMbAfterEachHour: number[] };

/** Runs `hours` simulated hours against one compiled tree, in a plain node process of its own (support/sweep-hours.ts). */
function runSide(script: string, tree: CompiledTree): Promise<Side> {
  return new Promise((resolve, reject) => {
    const child = fork(script, [tree.modules, String(hours)], { cwd: tree.dir, execArgv: [], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let result: Side | undefined;
    child.on('message', (m) => (result = m as Side));
    child.on('exit', (code) => (result ? resolve(result) : reject(new Error(`sweep-hours for ${tree.dir} exited with ${code}`))));
  });
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/**
 * 500 RSS sources on 150 hosts at the default intervals (each source hourly, a sweep every minute, 1 s between two
 * requests to a host, 16 fetch slots): CPU seconds per hour of running and peak RSS, for today's code (the commit
 * before issue 21) and for this checkout, both compiled as the image compiles them and run by plain node, each in a
 * process of its own, both at once so that the machine's load falls on both alike. The figure is the median of the
 * measured hours after a first hour that reads every feed for the first time; bench/README.md says how an hour is
 * compressed.
 */
const benchmark: Benchmark = {
  description: '500 sources on 150 hosts, an hour at the default intervals: CPU seconds and peak RSS, today against simplified',
  async run() {
    const support = fileURLToPath(new URL('./support/', import.meta.url));
    const made: { remove(): void }[] = [];
    const keep = <T extends { remove(): void }>(building: Promise<T>) => building.then((x) => (made.push(x), x));
    const builds = [keep(compileTree(repo, beforeCommit === 'checkout' ? null : beforeCommit)), keep(compileTree(repo, null)), keep(compileScript(repo, `${support}sweep-hours.ts`, support))] as const;
    await Promise.allSettled(builds);
    try {
      const [before, after, script] = await Promise.all(builds);
      const [today, simplified] = await Promise.all([runSide(script.entry, before), runSide(script.entry, after)]);
      // While it only waits, a process runs no line that issue 21 changed: both sides get the mean of the two idle rates
      // measured, which differ by up to 15 % between two processes of the very same code (bench/README.md).
      const idleCpuPerS = (today.idleCpuPerS + simplified.idleCpuPerS) / 2;
      const perHour = (s: Side, idle = idleCpuPerS) => s.hours.slice(1).map((h) => h.cpuS + s.settleCpuS + idle * Math.max(0, 3600 - h.busyS - s.settleS));
      const sweepsOnly = (s: Side) => median(s.hours.slice(1).map((h) => h.cpuS));
      const value = median(perHour(simplified));
      const baseline = median(perHour(today));
      return {
        value: round(value, 2),
        unit: 'CPU s per hour',
        baseline: round(baseline, 2),
        ratio: round(value / baseline, 3),
        peakRssMb: simplified.peakRssMb,
        goal: 'under 1 % of a core (36 CPU s per hour) and 250 MB, within 10 % of today’s code on both',
        extra: {
          coreSharePercent: round((value / 3600) * 100, 3),
          todayPeakRssMb: today.peakRssMb,
          ratioPeakRss: round(simplified.peakRssMb / today.peakRssMb, 3),
          perHour: perHour(simplified).map((x) => round(x, 2)).join('/'),
          todayPerHour: perHour(today).map((x) => round(x, 2)).join('/'),
          ratioOwnIdle: round(median(perHour(simplified, simplified.idleCpuPerS)) / median(perHour(today, today.idleCpuPerS)), 3),
          sweepsCpuS: round(sweepsOnly(simplified), 3),
          todaySweepsCpuS: round(sweepsOnly(today), 3),
          ratioSweeps: round(sweepsOnly(simplified) / sweepsOnly(today), 3),
          firstHourSweepsCpuS: round(simplified.hours[0]!.cpuS, 2),
          todayFirstHourSweepsCpuS: round(today.hours[0]!.cpuS, 2),
          idleCpuMsPerS: round(simplified.idleCpuPerS * 1000, 2),
          todayIdleCpuMsPerS: round(today.idleCpuPerS * 1000, 2),
          settleCpuS: round(simplified.settleCpuS, 3),
          todaySettleCpuS: round(today.settleCpuS, 3),
          sweepWallS: round(median(simplified.hours.slice(1).map((h) => h.busyS)), 1),
          todaySweepWallS: round(median(today.hours.slice(1).map((h) => h.busyS)), 1),
          fetchesPerHour: simplified.hours[1]?.fetches ?? 0,
          notModifiedPerHour: simplified.hours[1]?.notModified ?? 0,
          newNoticesPerHour: simplified.hours.slice(1).map((h) => h.newNotices).join('/'),
          rssMbAfterEachHour: simplified.rssMbAfterEachHour.join('/'),
          todayRssMbAfterEachHour: today.rssMbAfterEachHour.join('/'),
          beforeCommit: beforeCommit.slice(0, 7),
          hours,
        },
      };
    } finally {
      for (const m of made) m.remove();
    }
  },
};

export default benchmark;
