// `npm start` as a newcomer runs it, on free ports so it never meets anyone else's stack, with
// storage in memory. It runs in its own process group, like a terminal's foreground job.
import { spawn, type ChildProcess } from 'node:child_process';
import { freePort, portIsFree } from './ports';
import { descendantsOf, isAlive, type ProcessId } from './processTree';

export interface NpmStart {
  /** npm itself. */
  child: ChildProcess;
  /** Everything it has printed so far, stdout and stderr. */
  output(): string;
  ports: { table: number; queue: number; bot: number; playground: number };
  /** The processes it has started, as of now (remembered for `stopped` and `kill`). */
  processes(): ProcessId[];
  /** Whether every process seen by `processes` is gone and every port is free. */
  stopped(): Promise<boolean>;
  /** Kills whatever is left (for afterAll): its process group, and anything seen that left it. */
  kill(): void;
}

export async function npmStart(playgroundAs = 'practitioner', env: Record<string, string> = {}): Promise<NpmStart> {
  const ports = { table: await freePort(), queue: await freePort(), bot: await freePort(), playground: await freePort() };
  const child = spawn('npm', ['start'], {
    env: {
      ...process.env, WEAVE_IN_MEMORY: '1', WEAVE_TABLE_PORT: String(ports.table), WEAVE_QUEUE_PORT: String(ports.queue), PORT: String(ports.bot),
      PLAYGROUND_PORT: String(ports.playground), PLAYGROUND_AS: playgroundAs, NO_COLOR: '1', ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout.on('data', (d) => { output += d; });
  child.stderr.on('data', (d) => { output += d; });
  const seen: ProcessId[] = [];
  const started: NpmStart = {
    child, ports, output: () => output,
    processes() {
      const now = descendantsOf(child.pid!);
      seen.push(...now);
      return now;
    },
    async stopped() {
      return seen.every((p) => !isAlive(p)) && (await Promise.all(Object.values(ports).map(portIsFree))).every(Boolean);
    },
    kill() {
      try {
        if (child.pid) process.kill(-child.pid, 'SIGKILL');
      } catch { /* already gone */ }
      // Had stopping failed, these would hold ports on a machine others share.
      for (const p of seen) if (isAlive(p)) process.kill(p.pid, 'SIGKILL');
    },
  };
  const deadline = Date.now() + 90_000;
  while (!output.includes('ready.')) {
    if (child.exitCode !== null || Date.now() > deadline) {
      started.kill();
      throw new Error(`npm start did not become ready:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return started;
}
