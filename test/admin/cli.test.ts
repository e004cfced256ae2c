// The weave CLI as an operator runs it: a real process, against the same store as the stack.
import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { syntheticOrg, toRosterCsv } from '../../local/syntheticOrg';
import { startTestStack, type TestStack } from '../support/stack';

const run = promisify(execFile);

describe('npm run weave', () => {
  let stack: TestStack;
  let dir: string;
  let env: NodeJS.ProcessEnv;
  const weave = async (...args: string[]) => {
    try {
      const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'cli/weave.ts', ...args], { env, cwd: process.cwd() });
      return { code: 0, stdout, stderr };
    } catch (err) {
      const e = err as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  };

  beforeAll(async () => {
    stack = await startTestStack();
    dir = await mkdtemp(join(tmpdir(), 'weave-cli-'));
    env = {
      ...process.env,
      WEAVE_MODE: 'local',
      WEAVE_TENANT_ID: stack.tenantId,
      AzureWebJobsStorage: inject('storageConnectionString'),
      WEAVE_STORAGE_PREFIX: stack.config.storage.prefix,
      NO_COLOR: '1',
    };
  });
  afterAll(async () => stack?.stop());

  it('imports a roster and reports what changed', async () => {
    const file = join(dir, 'roster.csv');
    await writeFile(file, toRosterCsv(syntheticOrg(120)));
    const result = await weave('import-roster', file);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('joiners 120, updated 0');
    expect(await stack.rt.people.list(stack.tenantId)).toHaveLength(120);
  });

  it('rejects a file with bad rows, listing each with its line number, and writes nothing', async () => {
    const file = join(dir, 'bad.csv');
    const rows = toRosterCsv(syntheticOrg(10, 3)).split('\n');
    rows[3] = rows[3]!.replace('@synthetic.example', '');
    rows[6] = rows[6]!.replace(/,(experienced|senior|early_career|manager),/, ',veteran,');
    await writeFile(file, rows.join('\n'));
    const before = (await stack.rt.people.list(stack.tenantId)).length;
    const result = await weave('import-roster', file);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('was not imported: nothing has changed. Fix these 3 rows');
    expect(result.stderr).toContain('line 4: email is not a valid email address');
    expect(result.stderr).toMatch(/line 5: manager_aad_object_id \S+ is the person on line 4, which has errors/);
    expect(result.stderr).toMatch(/line 7: career_stage "veteran" is not a career stage code/);
    expect((await stack.rt.people.list(stack.tenantId)).length).toBe(before);
  });

  it('lists timer jobs with their schedules, and runs one as of a given time', async () => {
    const list = await weave('run-job');
    expect(list.stdout).toContain('outbox-sweep');
    expect(list.stdout).toContain('0 */5 * * * *');
    const ran = await weave('run-job', 'outbox-sweep', '--at', '2026-11-23T08:30');
    expect(ran.code).toBe(0);
    expect(ran.stdout).toContain('outbox-sweep: nothing stuck');
    const unknown = await weave('run-job', 'nope');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('No job "nope"');
  });

  it('explains itself', async () => {
    const help = await weave('help');
    expect(help.stdout).toContain('import-roster FILE.csv');
    expect(help.stdout).toContain('run-job [NAME] [--at DATE-TIME]');
  });
});
