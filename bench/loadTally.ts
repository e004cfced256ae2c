// What bench:load counts for one kind of request: latencies, errors and wrong answers.
import type { RequestKind } from './loadTraffic';

export interface Tally {
  label: string;
  kind: RequestKind | 'all';
  /** Milliseconds: in the closed loop autocannon's (request written to response read); in the open load, request due to response read. */
  latencies: number[];
  non2xx: number;
  timeouts: number;
  /** 2xx, but not the answer this request should get. */
  unexpected: number;
  sample: string;
}

export const tally = (label: string, kind: Tally['kind']): Tally => ({ label, kind, latencies: [], non2xx: 0, timeouts: 0, unexpected: 0, sample: '' });

/** Adds `from` into `into` (latencies unsorted). */
export function addTally(into: Tally, from: Tally): void {
  into.latencies.push(...from.latencies);
  into.non2xx += from.non2xx;
  into.timeouts += from.timeouts;
  into.unexpected += from.unexpected;
  into.sample ||= from.sample;
}

