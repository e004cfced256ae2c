// Which scheduled occurrences of each timer job have run. PartitionKey = job name, RowKey = the
// occurrence as local wall-clock time. Creating the row is the claim: of any number of hosts, ticks or restarts
// that see the same occurrence, exactly one runs it.
import { createIfAbsent, TABLES, type Tables } from './tables';

export interface JobRunStore {
  /** True if this caller won the occurrence and must run it. */
  claim(job: string, occurrence: string, startedAt: string): Promise<boolean>;
  finish(job: string, occurrence: string, outcome: { status: 'done' | 'failed'; finishedAt: string; summary: string }): Promise<void>;
}

export class TableJobRunStore implements JobRunStore {
  constructor(private readonly tables: Tables) {}

  private get client() {
    return this.tables.client(TABLES.jobRuns);
  }

  claim(job: string, occurrence: string, startedAt: string) {
    return createIfAbsent(this.client, { partitionKey: job, rowKey: occurrence, status: 'running', startedAt, finishedAt: '', summary: '' });
  }

  async finish(job: string, occurrence: string, outcome: { status: 'done' | 'failed'; finishedAt: string; summary: string }) {
    await this.client.updateEntity({ partitionKey: job, rowKey: occurrence, ...outcome }, 'Merge');
  }
}
