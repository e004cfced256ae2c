// Child processes of the local stack: starting them, their output in our log, waiting for them to
// be ready, and stopping them cleanly and certainly.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { printLine } from '../functions/local/console';

const LIFELINE = new URL('./lifeline.mjs', import.meta.url).href;

/**
 * A Node script as a child of the stack: in its own process group, so a terminal's Ctrl+C reaches
 * only `npm start`, which stops its children once and in order; and with a lifeline, so it stops
 * itself if `npm start` dies without stopping it.
 */
export function spawnChild(script: string, args: string[], env: NodeJS.ProcessEnv = process.env): ChildProcess {
  return spawn(process.execPath, ['--import', LIFELINE, script, ...args], { stdio: ['ignore', 'pipe', 'pipe'], detached: true, env });
}

export function isRunning(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null;
}

/** Signals a child's whole process group (anything it started too); false if none is left. */
export function signalGroup(child: ChildProcess, signal: NodeJS.Signals): boolean {
  if (child.pid === undefined) return false;
  try {
    if (process.platform === 'win32') return child.kill(signal); // no process groups
    process.kill(-child.pid, signal);
    return true;
  } catch {
    return false; // ESRCH: the group is gone
  }
}

/** Prints a child's output lines under its name; `quiet` lines are dropped. */
export function pipeOutput(child: ChildProcess, source: string, quiet: (line: string) => boolean = () => false): void {
  for (const [stream, level] of [[child.stdout, 'info'], [child.stderr, 'warn']] as const) {
    if (!stream) continue;
    createInterface({ input: stream }).on('line', (line) => {
      if (line.trim() && !quiet(line)) printLine(level, source, line);
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

/**
 * Asks a child's process group to stop (SIGINT, so Azurite writes its data), then kills the group
 * after a grace period. Whatever the child leaves behind in its group is killed once it has exited.
 */
export function stopChild(child: ChildProcess, graceMs: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => signalGroup(child, 'SIGKILL'), graceMs);
    const done = () => {
      clearTimeout(timer);
      signalGroup(child, 'SIGKILL');
      resolve();
    };
    if (!isRunning(child)) return done();
    child.once('exit', done);
    signalGroup(child, 'SIGINT');
  });
}
