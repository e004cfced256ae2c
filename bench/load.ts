// bench:load — 200 simulated people for BENCH_SECONDS (60) at each load in BENCH_RATES: requests a
// second offered across all of them (100: each person acts every 2 s, on a timetable of their own,
// bench/loadPaced.ts), or 0 for a closed loop (each person a keep-alive autocannon connection that
// sends its next request as soon as the last is answered: capacity). Through Weave's real messaging
// endpoint and tab API: chat messages, card submits and plan views (bench/loadTraffic.ts). Then the
// same load shape, chat messages, against a bare botbuilder echo bot on the same machine: the floor.
// Each target runs in its own process with its own fake Bot Connector (bench/loadTarget.ts); the
// load comes from this one (bench/loadRun.ts). The first BENCH_WARMUP_SECONDS (15) of each run are
// not counted. `npm run bench:load` (BENCH_SECONDS=10 for a quick one)
import { cpus } from 'node:os';
import type { TargetOptions } from './loadTarget';
import { measure, type Run, type RunSettings } from './loadRun';
import { report } from './loadReport';
import { echoCycle, weaveCycle } from './loadTraffic';
import { AZURITE_NAMES, azuriteModesFromEnv, type AzuriteMode } from './azurite';
import type { LoadUser } from './weaveUnderLoad';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 200);
/** Longer than the timeout, so the burst of every person's first request at once is over before counting starts. */
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 15);
/** No answer in this long is a timeout (autocannon's default, used for both loads; the Bot Framework service waits 15 s for a bot). */
const TIMEOUT_SECONDS = Number(process.env.BENCH_TIMEOUT_SECONDS ?? 10);
/**
 * Each valid `add need` submit answers a card of its own, issued before the run: enough for every
 * person if Weave answered 400 requests a second (more than twice what it does), one in eight of them.
 */
const CARDS_PER_USER = Number(process.env.BENCH_CARDS_PER_USER ?? Math.ceil(((WARMUP_SECONDS + SECONDS) * 400) / 8 / CONNECTIONS) + 2);
/**
 * Where Azurite runs: `process` (default) gives it a process of its own, as Table Storage is a
 * service of its own in Azure; `embedded` shares Weave's process and event loop, as in the other
 * benchmarks; `both` runs Weave both ways.
 */
const AZURITE = azuriteModesFromEnv('process');

/** Offered loads, requests a second across everyone; 0 is a closed loop. */
const RATES = (process.env.BENCH_RATES ?? '100,0').split(',').map(Number);
const options = (azurite: AzuriteMode): TargetOptions => ({ people: CONNECTIONS, cardsPerUser: CARDS_PER_USER, tokenSeconds: WARMUP_SECONDS + SECONDS + 3600, azurite });

/** The echo bot has no directory; it is loaded by as many people, with Teams-shaped ids. */
const peopleForEcho = Array.from({ length: CONNECTIONS }, (_, i) => {
  const id = `e0000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
  return { aadObjectId: id, name: `Person ${i}`, email: `person.${i}@example.org`, teamsId: `29:${id}` };
});

console.log(`bench:load — ${CONNECTIONS} people; each target ${SECONDS} s counted after ${WARMUP_SECONDS} s of warm-up; node ${process.version}, ${cpus().length} cores`);
for (const rate of RATES) {
  const settings: RunSettings = { warmUpSeconds: WARMUP_SECONDS, seconds: SECONDS, timeoutSeconds: TIMEOUT_SECONDS, rate };
  console.log(`\n=== ${rate > 0 ? `open load: ${rate} requests a second offered (each person every ${(CONNECTIONS / rate).toFixed(1)} s)` : 'closed loop: each person sends again as soon as answered'} ===\n`);
  const weaveRuns: Run[] = [];
  let someone: LoadUser | undefined;
  for (const azurite of AZURITE) {
    weaveRuns.push(await measure(`Weave (${AZURITE_NAMES[azurite]})`, 'weave', options(azurite), settings, (f) => {
      someone = f.users[0];
      return f.users.map((u, i) => weaveCycle(u, { serviceUrl: f.serviceUrl, tenantId: f.tenantId }, i));
    }));
  }
  const echo = await measure('echo bot (floor)', 'echo', options('embedded'), settings, (f) => peopleForEcho.map((u, i) => echoCycle(u, { serviceUrl: f.serviceUrl, tenantId: f.tenantId }, i)));
  report(weaveRuns, echo, { seconds: SECONDS, timeoutSeconds: TIMEOUT_SECONDS, cycleOrder: weaveCycle(someone!, { serviceUrl: '', tenantId: '' }, 0).map((s) => s.label) });
}
process.exit(0);
