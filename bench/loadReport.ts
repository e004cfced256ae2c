// What bench:load prints: each target's latency percentiles, errors and throughput, Weave's p95
// against the echo bot's (target ≤ 2×) and its errors (target 0), Weave by kind of request, and
// what each target process saw of itself.
import type { Run } from './loadRun';
import { addTally, tally, type Tally } from './loadTally';

export function percentile(sorted: readonly number[], q: number): number {
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}

const ms = (n: number) => (Number.isNaN(n) ? '–' : n < 10 ? `${n.toFixed(1)} ms` : `${Math.round(n).toLocaleString('en-GB')} ms`);
const count = (n: number) => n.toLocaleString('en-GB');
const errorsOf = (t: Tally, connectionErrors = 0) => t.non2xx + t.timeouts + connectionErrors;

function printTable(rows: string[][]) {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  for (const r of rows) console.log(r.map((cell, c) => cell.padEnd(widths[c]!)).join('  ').trimEnd());
}

function byKind(run: Run, order: readonly string[]) {
  const kinds = (['message', 'card submit', 'tab view'] as const).map((k) => {
    const t = tally(k, k);
    for (const s of run.steps.filter((x) => x.kind === k)) addTally(t, s);
    t.latencies.sort((a, b) => a - b);
    return t;
  });
  const steps = [...run.steps].sort((a, b) => order.indexOf(a.label) - order.indexOf(b.label));
  const rows = [['request', 'requests', 'p50', 'p95', 'p99', 'errors', 'wrong answers']];
  for (const t of [...kinds, ...steps]) {
    rows.push([t.kind === t.label ? `all ${t.kind}s` : `  ${t.label}`, count(t.latencies.length), ms(percentile(t.latencies, 0.5)),
      ms(percentile(t.latencies, 0.95)), ms(percentile(t.latencies, 0.99)), String(errorsOf(t)), String(t.unexpected)]);
  }
  printTable(rows);
}

function targetLines(run: Run, seconds: number) {
  const s = run.stats;
  const storage = s.storageCpuMs === null ? '' : `Azurite's process ${(s.storageCpuMs / run.all.latencies.length).toFixed(2)} ms a request (${((s.storageCpuMs / 1000 / seconds) * 100).toFixed(0)}% of a core), `;
  console.log(`  ${run.target}: CPU ${(s.cpuMs / run.all.latencies.length).toFixed(2)} ms a request, ${storage}event loop busy ${(s.eventLoopUtilization * 100).toFixed(0)}%, `
    + `RSS ${s.rssMb.toFixed(0)} MB; its connector recorded ${count(s.connectorSends)} sends, answered ${JSON.stringify(s.connectorStatuses)}, invalid cards ${s.invalidCards}`);
  console.log(`    warm-up (not counted): ${count(run.warmUp.latencies.length)} answered, ${run.warmUp.timeouts} timeouts, ${run.warmUp.non2xx} non-2xx; `
    + `${count(run.answeredTotal)} answered in all`);
  if (run.timeoutsAt.length > 0) {
    const windows = Array.from({ length: Math.ceil(seconds / 10) }, (_, w) => `${w * 10}–${Math.min(seconds, w * 10 + 10)} s: ${run.timeoutsAt.filter((t) => t >= w * 10 && t < w * 10 + 10).length}`);
    console.log(`    timeouts by when in the counted run: ${windows.join(', ')}`);
  }
  if (Object.keys(s.problems).length > 0) console.log(`    logged warnings/errors: ${JSON.stringify(s.problems)}`);
  for (const t of run.steps.filter((x) => x.sample)) console.log(`    ${t.label}: ${t.non2xx} non-2xx, ${t.unexpected} wrong answers, e.g. ${t.sample}`);
}

export function report(weaveRuns: Run[], echo: Run, settings: { seconds: number; timeoutSeconds: number; cycleOrder: readonly string[] }): void {
  const rows = [['target', 'requests', 'p50', 'p95', 'p99', 'errors', 'req/s']];
  for (const r of [...weaveRuns, echo]) {
    const l = r.all.latencies;
    rows.push([r.target, count(l.length), ms(percentile(l, 0.5)), ms(percentile(l, 0.95)), ms(percentile(l, 0.99)), String(errorsOf(r.all, r.connectionErrors)), (l.length / settings.seconds).toFixed(0)]);
  }
  printTable(rows);
  console.log('');
  const echoP95 = percentile(echo.all.latencies, 0.95);
  for (const w of weaveRuns) {
    const ratio = percentile(w.all.latencies, 0.95) / echoP95;
    const errors = errorsOf(w.all, w.connectionErrors);
    console.log(`${w.target}: p95 ${ratio.toFixed(2)}× the echo bot's (target ≤ 2×: ${ratio <= 2 ? 'met' : 'not met'}); errors ${errors} (target 0: ${errors === 0 ? 'met' : 'not met'})`);
  }
  console.log(`errors = non-2xx + timeouts (no answer in ${settings.timeoutSeconds} s) + connection errors; a 2xx that is not the answer the request should get is a "wrong answer" below`);
  for (const w of weaveRuns) {
    console.log(`\n${w.target} by kind of request:`);
    byKind(w, settings.cycleOrder);
  }
  console.log('\nTargets (each in its own process, with its own fake Bot Connector):');
  for (const r of [...weaveRuns, echo]) targetLines(r, settings.seconds);
}
