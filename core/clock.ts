/** Where "now" comes from: the system clock in production, a fixed or stepped one in tests and `run-job --at`. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export function fixedClock(at: Date): Clock {
  return { now: () => new Date(at) };
}

/** A clock that starts at `at` and moves with real time: what `run-job --at` runs a job under. */
export function clockFrom(at: Date): Clock {
  const offset = at.getTime() - Date.now();
  return { now: () => new Date(Date.now() + offset) };
}
