// Processes as Linux's /proc shows them: who descends from whom (detached children included, since
// a new process group keeps its parent), and whether one is still alive. A process is known by its
// pid and start time, so a pid the system has reused is never mistaken for it.
import { readdirSync, readFileSync } from 'node:fs';

export interface ProcessId {
  pid: number;
  startedAt: string;
}

function stat(pid: number): { ppid: number; state: string; startedAt: string } | undefined {
  try {
    // The command name is in parentheses and may hold spaces: from state on, fields are 3, 4, … 22.
    const line = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = line.slice(line.lastIndexOf(')') + 2).split(' ');
    return { state: fields[0]!, ppid: Number(fields[1]), startedAt: fields[19]! };
  } catch {
    return undefined;
  }
}

/** Every process below `pid`, now. */
export function descendantsOf(pid: number): ProcessId[] {
  const all = readdirSync('/proc').filter((name) => /^\d+$/.test(name)).map(Number)
    .flatMap((p) => {
      const s = stat(p);
      return s ? [{ pid: p, ...s }] : [];
    });
  const found: ProcessId[] = [];
  for (let parents = [pid]; parents.length > 0;) {
    const children = all.filter((p) => parents.includes(p.ppid));
    found.push(...children.map(({ pid: child, startedAt }) => ({ pid: child, startedAt })));
    parents = children.map((c) => c.pid);
  }
  return found;
}

/** Still running: neither gone nor a zombie waiting to be reaped. */
export function isAlive(p: ProcessId): boolean {
  const s = stat(p.pid);
  return s !== undefined && s.startedAt === p.startedAt && s.state !== 'Z';
}
