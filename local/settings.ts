// Settings of the local stack (`npm start`) and the CLI that works beside it. The app's own
// settings are in runtime/config.ts.
import { resolve } from 'node:path';

export interface LocalSettings {
  dataDir: string;
  inMemory: boolean;
  host: string;
  tablePort: number;
  queuePort: number;
  botPort: number;
  playground: boolean;
  playgroundPort: number;
  /** Which demo personas get a playground each (practitioner, manager, ld_admin, …). */
  playgroundPersonas: string[];
}

export const LOCAL_SETTINGS = {
  WEAVE_DATA_DIR: 'where Azurite keeps data between runs (default .data)',
  WEAVE_IN_MEMORY: '1 keeps storage in memory only: a fresh demo organisation on every start',
  WEAVE_TABLE_PORT: 'Azurite table service port (default 10002)',
  WEAVE_QUEUE_PORT: 'Azurite queue service port (default 10001)',
  PORT: 'bot host port; the messaging endpoint is http://localhost:PORT/api/messages (default 3978)',
  PLAYGROUND: '0 skips the Microsoft 365 Agents Playground',
  PLAYGROUND_PORT: 'first playground port (default 56150); each further persona gets the next port',
  PLAYGROUND_AS: 'comma-separated demo personas to open playgrounds for (default practitioner,manager,ld_admin)',
} as const;

function port(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0 || n > 65535) throw new Error(`${name} must be a port number, not "${value}"`);
  return n;
}

export function localSettings(env: NodeJS.ProcessEnv = process.env): LocalSettings {
  return {
    dataDir: resolve(env.WEAVE_DATA_DIR || '.data'),
    inMemory: env.WEAVE_IN_MEMORY === '1',
    host: '127.0.0.1',
    tablePort: port(env.WEAVE_TABLE_PORT, 10002, 'WEAVE_TABLE_PORT'),
    queuePort: port(env.WEAVE_QUEUE_PORT, 10001, 'WEAVE_QUEUE_PORT'),
    botPort: port(env.PORT, 3978, 'PORT'),
    playground: env.PLAYGROUND !== '0',
    playgroundPort: port(env.PLAYGROUND_PORT, 56150, 'PLAYGROUND_PORT'),
    playgroundPersonas: (env.PLAYGROUND_AS || 'practitioner,manager,ld_admin').split(',').map((s) => s.trim()).filter(Boolean),
  };
}
