// Azurite for a benchmark: in the bench's own process (its work then shares the event loop with what
// is measured), or in a process of its own, as Table Storage and queues are a service of their own
// in Azure.
import { readFileSync } from 'node:fs';
import { azuriteAnswers, spawnAzurite, startEmbeddedAzurite } from '../local/azurite';
import { azuriteConnectionString } from '../runtime/config';
import { freePort } from '../test/support/ports';

export type AzuriteMode = 'embedded' | 'process';

export const AZURITE_NAMES: Record<AzuriteMode, string> = { embedded: 'Azurite in its process', process: 'Azurite in another' };

/** `BENCH_AZURITE`: `process`, `embedded` or `both`; `fallback` when unset. */
export function azuriteModesFromEnv(fallback: AzuriteMode): AzuriteMode[] {
  const asked = process.env.BENCH_AZURITE;
  if (asked === 'both') return ['embedded', 'process'];
  if (asked === 'embedded' || asked === 'process') return [asked];
  if (asked) throw new Error(`BENCH_AZURITE must be process, embedded or both, not ${asked}`);
  return [fallback];
}

export interface BenchAzurite {
  connectionString: string;
  /** CPU time Azurite's own process has used so far; null when it runs in this process (counted there). */
  cpuMs(): number | null;
  stop(): Promise<void>;
}

/** Clock ticks a second in /proc/<pid>/stat (USER_HZ: 100 on Linux). */
const TICKS_PER_SECOND = 100;

/** User and system CPU of a process, from /proc (Linux); null where that cannot be read. */
function cpuMsOf(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    // Fields after the command (which is in parentheses and may hold spaces): utime and stime are the 12th and 13th.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

export async function startBenchAzurite(mode: AzuriteMode): Promise<BenchAzurite> {
  if (mode === 'embedded') {
    const embedded = await startEmbeddedAzurite();
    return { connectionString: embedded.connectionString, cpuMs: () => null, stop: () => embedded.stop() };
  }
  const host = '127.0.0.1';
  const [tablePort, queuePort] = [await freePort(), await freePort()];
  const child = spawnAzurite({ host, tablePort, queuePort, location: null });
  child.stdout?.resume(); // nobody reads them: never let a full pipe stall it
  child.stderr?.resume();
  process.once('exit', () => child.kill()); // its own process group: it would outlive a bench that crashed
  for (let tries = 0; !(await azuriteAnswers(host, tablePort)); tries++) {
    if (tries > 100) throw new Error('Azurite did not start');
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    connectionString: azuriteConnectionString(host, { table: tablePort, queue: queuePort }),
    cpuMs: () => cpuMsOf(child.pid),
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill();
      await exited;
    },
  };
}
