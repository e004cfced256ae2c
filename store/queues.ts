// Azure Storage queues. Messages are JSON, base64-encoded: the Functions host's queue trigger
// decodes base64 by default, and the local host does the same, so both read what this writes.
import { QueueClient } from '@azure/storage-queue';
import { credentialFor, type StorageSettings } from './settings';

/** Logical queue names; the deployed name is the storage prefix, a dash if there is one, and this. */
export const QUEUES = {
  outbox: 'outbox',
  /** Work too big for one request: fanning a learning trigger out to everyone it affects, page by page. */
  work: 'work',
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export function queueName(settings: Pick<StorageSettings, 'prefix'>, name: string): string {
  return settings.prefix ? `${settings.prefix}-${name}` : name;
}

export function poisonQueueName(name: string): string {
  return `${name}-poison`;
}

export function encodeMessage(payload: unknown): string {
  return Buffer.from(JSON.stringify(payload), 'utf8').toString('base64');
}

/** Decodes what encodeMessage wrote; like the Functions host, hands back parsed JSON where it is JSON. */
export function decodeMessage(text: string): unknown {
  const decoded = Buffer.from(text, 'base64').toString('utf8');
  try {
    return JSON.parse(decoded);
  } catch {
    return decoded;
  }
}

export class Queues {
  readonly #clients = new Map<string, QueueClient>();
  constructor(private readonly settings: StorageSettings) {}

  /** A client for a deployed queue name (already prefixed). */
  byDeployedName(deployedName: string): QueueClient {
    let client = this.#clients.get(deployedName);
    if (!client) {
      const access = this.settings.access;
      client = access.kind === 'connectionString'
        ? new QueueClient(access.connectionString, deployedName)
        : new QueueClient(`${access.queueServiceUri.replace(/\/$/, '')}/${deployedName}`, credentialFor(access.clientId));
      this.#clients.set(deployedName, client);
    }
    return client;
  }

  client(name: QueueName): QueueClient {
    return this.byDeployedName(queueName(this.settings, name));
  }

  async send(name: QueueName, payload: unknown, options: { visibilityTimeoutSeconds?: number } = {}): Promise<void> {
    await this.client(name).sendMessage(encodeMessage(payload), {
      ...(options.visibilityTimeoutSeconds ? { visibilityTimeout: options.visibilityTimeoutSeconds } : {}),
    });
  }

  /** Messages in the queue, visible or not, as Azure estimates it (never fewer than there are). */
  async approximateCount(name: QueueName): Promise<number> {
    return (await this.client(name).getProperties()).approximateMessagesCount ?? 0;
  }

  async ensureAll(): Promise<void> {
    await Promise.all(Object.values(QUEUES).flatMap((name) => {
      const deployed = queueName(this.settings, name);
      return [this.byDeployedName(deployed).createIfNotExists(), this.byDeployedName(poisonQueueName(deployed)).createIfNotExists()];
    }));
  }
}
