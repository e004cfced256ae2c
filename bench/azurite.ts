// Azurite for a benchmark: in the bench's own process (its work then shares the event loop with what
// is measured), or in a process of its own, as Table Storage and queues are a service of their own
// in Azure.
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

export async function startBenchAzurite(mode: AzuriteMode): Promise<{ connectionString: string; stop(): Promise<void> }> {
  if (mode === 'embedded') return startEmbeddedAzurite();
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
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill();
      await exited;
    },
  };
}
