// Child processes of the local stack: their output in our log, waiting for them to be ready,
// and stopping them cleanly.
import type { ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { printLine, type ConsoleLevel } from '../functions/local/console';

/** Prints a child's output lines under its name; `quiet` lines are dropped. */
export function pipeOutput(child: ChildProcess, source: string, quiet: (line: string) => boolean = () => false): void {
  for (const [stream, level] of [[child.stdout, 'info'], [child.stderr, 'warn']] as const) {
    if (!stream) continue;
    createInterface({ input: stream }).on('line', (line) => {
      if (line.trim() && !quiet(line)) printLine(level as ConsoleLevel, source, line);
    });
  }
}

/** Resolves when the child prints a line matching `ready`; rejects if it exits first or takes too long. */
export function waitForOutput(child: ChildProcess, ready: RegExp, timeoutMs: number, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} did not start within ${timeoutMs / 1000} s`)), timeoutMs);
    const onLine = (line: string) => {
      if (ready.test(line)) {
        clearTimeout(timer);
        resolve();
      }
    };
    for (const stream of [child.stdout, child.stderr]) if (stream) createInterface({ input: stream }).on('line', onLine);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${what} exited with code ${code} while starting`));
    });
  });
}

export async function waitUntil(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what} was not ready within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Asks a child to stop (SIGINT, so Azurite writes its data), then insists after a grace period. */
export function stopChild(child: ChildProcess, graceMs = 5000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGINT');
  });
}
