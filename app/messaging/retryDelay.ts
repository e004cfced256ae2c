// How long a delivery waits before trying again: Teams' (or Graph's) Retry-After when it gave one,
// otherwise a jittered exponential backoff, at most five minutes.

export function retryDelaySeconds(attempts: number, retryAfterSeconds: number | null, random = Math.random): number {
  if (retryAfterSeconds !== null) return Math.max(1, Math.ceil(retryAfterSeconds));
  const ceiling = Math.min(300, 2 ** attempts * 2);
  return Math.max(1, Math.round(ceiling / 2 + (ceiling / 2) * random()));
}
