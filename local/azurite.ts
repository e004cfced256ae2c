// Azurite, the real Azure Storage emulator, two ways: as its own process for the local stack
// (`npm start`), or embedded in this process (tests, benchmarks, the CLI when the stack is down).
// Embedding uses Azurite's server classes directly; it has no public API for it.
import type { ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { azuriteConnectionString } from '../runtime/config';
import { spawnChild } from './processes';

const require = createRequire(import.meta.url);

export interface AzuriteEndpoints {
  host: string;
  tablePort: number;
  queuePort: number;
  connectionString: string;
}

export interface RunningAzurite extends AzuriteEndpoints {
  stop(): Promise<void>;
}

interface AzuriteServer {
  start(): Promise<void>;
  close(): Promise<void>;
  getHttpServerAddress(): string;
}

type Constructor<T> = new (...args: unknown[]) => T;

/** One of Azurite's server or configuration classes, from its CommonJS build (as its own CLI loads them). */
const azuriteClass = <T>(path: string): Constructor<T> => (require(path) as { default: Constructor<T> }).default;

/** In this process. `location` keeps data on disk; without it, data lives in memory. Port 0 picks a free port. */
export async function startEmbeddedAzurite(opts: { host?: string; tablePort?: number; queuePort?: number; location?: string } = {}): Promise<RunningAzurite> {
  const host = opts.host ?? '127.0.0.1';
  const memory = !opts.location;
  const location = opts.location ?? '';
  if (location) mkdirSync(location, { recursive: true });

  const TableConfiguration = azuriteClass<object>('azurite/dist/src/table/TableConfiguration');
  const TableServer = azuriteClass<AzuriteServer>('azurite/dist/src/table/TableServer');
  const QueueConfiguration = azuriteClass<object>('azurite/dist/src/queue/QueueConfiguration');
  const QueueServer = azuriteClass<AzuriteServer>('azurite/dist/src/queue/QueueServer');

  const table = new TableServer(new TableConfiguration(
    host, opts.tablePort ?? 0, undefined, join(location, '__azurite_db_table__.json'),
    false, false, undefined, undefined, false, true, '', '', '', undefined, false, memory,
  ));
  const queue = new QueueServer(new QueueConfiguration(
    host, opts.queuePort ?? 0, undefined, join(location, '__azurite_db_queue__.json'), join(location, '__azurite_db_queue_extent__.json'),
    [{ locationId: 'Default', locationPath: join(location, '__queuestorage__'), maxConcurrency: 1 }],
    false, undefined, false, undefined, false, true, '', '', '', undefined, false, memory,
  ));
  await Promise.all([table.start(), queue.start()]);
  const portOf = (server: AzuriteServer) => Number(new URL(`http://${server.getHttpServerAddress().replace(/^https?:\/\//, '')}`).port);
  const tablePort = portOf(table);
  const queuePort = portOf(queue);
  return {
    host, tablePort, queuePort,
    connectionString: azuriteConnectionString(host, { table: tablePort, queue: queuePort }),
    async stop() {
      await Promise.all([table.close(), queue.close()]);
    },
  };
}

/** As its own process, the way `npm start` runs it: table and queue services, loopback only, no telemetry. */
export function spawnAzurite(opts: { host: string; tablePort: number; queuePort: number; location: string | null }): ChildProcess {
  const args = [
    '--silent', '--skipApiVersionCheck', '--disableTelemetry',
    '--tableHost', opts.host, '--tablePort', String(opts.tablePort),
    '--queueHost', opts.host, '--queuePort', String(opts.queuePort),
    '--blobHost', opts.host, '--blobPort', '0',
    ...(opts.location ? ['--location', opts.location] : ['--inMemoryPersistence']),
  ];
  return spawnChild(require.resolve('azurite/dist/src/azurite.js'), args);
}

/** Whether something answers on a storage endpoint already (the stack is up). */
export async function azuriteAnswers(host: string, tablePort: number): Promise<boolean> {
  try {
    const res = await fetch(`http://${host}:${tablePort}/devstoreaccount1/Tables`, { signal: AbortSignal.timeout(1000) });
    return res.status > 0;
  } catch {
    return false;
  }
}
