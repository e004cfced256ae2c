// What the local host's loops share: the invocation context maker, the log, and a sleep the host's stop ends.
import type { InvocationContext as Context } from '@azure/functions';
import type { ConsoleLevel } from './console';

export type ContextFor = (functionName: string, triggerMetadata?: Record<string, unknown>) => Context;
export type Log = (level: ConsoleLevel, source: string, message: string) => void;

/** Waits `ms`, or less if the host stops or `orUntil` settles first; leaves no timer or listener behind. */
export function sleep(ms: number, signal: AbortSignal, orUntil?: Promise<unknown>): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done);
    orUntil?.then(done, done);
  });
}
