// A partition spread over 16 shards: PartitionKey = the partition's key, `%~` and one hex digit
// from a hash of the RowKey. Used where one logical partition grows with the organisation and every
// send reads it (a tenant's conversations, a broadcast's deliveries). Azure serves a point read in
// any partition alike, but Azurite — the store every test, bench and local run uses — finds a row
// by scanning its partition, so a broadcast to 10,000 people slowed as it went; a shard holds a
// sixteenth. `%~` can never occur in a safeKey (it escapes `%` as %25), so shards of one partition
// never meet another's, and the whole partition is one PartitionKey range.
import { createHash } from 'node:crypto';
import { odata } from '@azure/data-tables';

const SEPARATOR = '%~';

export function shardKey(partition: string, rowKey: string): string {
  return `${partition}${SEPARATOR}${createHash('sha1').update(rowKey).digest('hex')[0]}`;
}

/** The partition a shard belongs to. */
export function partitionOf(shard: string): string {
  const at = shard.lastIndexOf(SEPARATOR);
  return at < 0 ? shard : shard.slice(0, at);
}

/** An odata filter for every shard of a partition. */
export function allShards(partition: string): string {
  return odata`PartitionKey ge ${partition + SEPARATOR} and PartitionKey lt ${`${partition}${SEPARATOR}~`}`;
}
