// Which scheduled occurrences of each timer job have run. PartitionKey = job name, RowKey = the
// occurrence as local wall-clock time. Creating the row is the claim: of any number of hosts, ticks or restarts
// that see the same occurrence, exactly one runs it. An occurrence that failed is claimed again (with the
// row's ETag, so still by one host) on a later tick, a few times: every job is safe to run twice.
import { createIfAbsent, getEntity, TABLES, unlessRaced, type Tables } from './tables';

/** A failed occurrence is run again on a later tick, up to this many runs in all. */
export const MAX_RUNS = 3;

export interface JobRunStore {
  /** True if this caller won the occurrence and must run it. */
  claim(job: string, occurrence: string, startedAt: string): Promise<boolean>;
  /** True if the occurrence failed before (fewer than MAX_RUNS times) and this caller won the retry. */
  reclaimFailed(job: string, occurrence: string, startedAt: string): Promise<boolean>;
  finish(job: string, occurrence: string, outcome: { status: 'done' | 'failed'; finishedAt: string; summary: string }): Promise<void>;
}

export class TableJobRunStore implements JobRunStore {
  constructor(private readonly tables: Tables) {}

  private get client() {
    return this.tables.client(TABLES.jobRuns);
  }

  claim(job: string, occurrence: string, startedAt: string) {
    return createIfAbsent(this.client, { partitionKey: job, rowKey: occurrence, status: 'running', startedAt, finishedAt: '', summary: '', runs: 1 });
  }

  async reclaimFailed(job: string, occurrence: string, startedAt: string) {
    const row = await getEntity<{ status: string; runs?: number }>(this.client, job, occurrence);
    if (!row || row.status !== 'failed' || (row.runs ?? 1) >= MAX_RUNS) return false;
    // False: another host took the retry.
    return unlessRaced('This job run', () => this.client.updateEntity({ partitionKey: job, rowKey: occurrence, status: 'running', startedAt, runs: (row.runs ?? 1) + 1 }, 'Merge', { etag: row.etag }));
  }

  async finish(job: string, occurrence: string, outcome: { status: 'done' | 'failed'; finishedAt: string; summary: string }) {
    await this.client.updateEntity({ partitionKey: job, rowKey: occurrence, ...outcome }, 'Merge');
  }
}
