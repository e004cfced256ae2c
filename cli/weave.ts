// `npm run weave -- <command>`: operations on the same store the running stack uses. Locally it
// talks to the stack's Azurite if it is up, or opens the same data directory itself if not.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { eraseLeavers } from '../admin/eraseLeavers';
import { importRoster, type ImportSummary } from '../admin/importRoster';
import { clockFrom } from '../core/clock';
import { createLogger } from '../core/log';
import { parseSchedule, nextOccurrence } from '../core/ncrontab';
import { decodeRosterFile } from '../core/roster';
import { parseInstant } from '../core/zonedTime';
import { scheduleOf, timerFunctions } from '../functions/declarations';
import { formatLogMessage, printLine } from '../functions/local/console';
import { azuriteAnswers, startEmbeddedAzurite } from '../local/azurite';
import { localSettings } from '../local/settings';
import { syntheticOrg, toRosterCsv } from '../local/syntheticOrg';
import { loadConfig, type Config } from '../runtime/config';
import { createRuntime, type Runtime, type RuntimeOptions } from '../runtime/runtime';

interface CliCommand {
  name: string;
  usage: string;
  summary: string;
  run(args: string[], flags: Record<string, string | true>): Promise<number>;
}

const out = (line = '') => process.stdout.write(`${line}\n`);
const fail = (line: string) => process.stderr.write(`${line}\n`);

function cliConfig(): Config {
  // On a developer machine the CLI works on the local stack unless told otherwise.
  return loadConfig({ WEAVE_MODE: 'local', ...process.env });
}

/** Runs `work` with a runtime on the configured store, starting Azurite on the data directory if nothing is serving it. */
async function withRuntime<T>(work: (rt: Runtime) => Promise<T>, options: RuntimeOptions = {}): Promise<T> {
  const config = cliConfig();
  const local = localSettings();
  let embedded: Awaited<ReturnType<typeof startEmbeddedAzurite>> | undefined;
  if (config.mode === 'local' && !process.env.AzureWebJobsStorage && !(await azuriteAnswers(local.host, local.tablePort))) {
    if (local.inMemory) throw new Error('The local stack is not running and WEAVE_IN_MEMORY=1 keeps no data: start it with npm start first.');
    embedded = await startEmbeddedAzurite({ host: local.host, tablePort: local.tablePort, queuePort: local.queuePort, location: join(local.dataDir, 'azurite') });
    fail(`(the local stack is not running: using ${join(local.dataDir, 'azurite')} directly)`);
  }
  try {
    const log = createLogger((level, event, fields) => printLine(level, 'weave', formatLogMessage(JSON.stringify({ event, ...fields }))), config.logLevel);
    return await work(await createRuntime(config, { log, ...options }));
  } finally {
    await embedded?.stop();
  }
}

function flagTime(flags: Record<string, string | true>, timeZone: string): Date | undefined {
  const at = flags.at;
  if (at === undefined) return undefined;
  if (at === true) throw new Error('--at needs a date-time, e.g. --at 2026-11-23T08:30 (Europe/London) or an ISO instant');
  return parseInstant(at, timeZone);
}

function printSummary(s: ImportSummary) {
  out(`  joiners ${s.joiners}, updated ${s.updated}, rejoiners ${s.rejoiners}, now on the roster after introducing themselves ${s.adopted}, leavers ${s.leavers}, unchanged ${s.unchanged}`);
}

export const CLI_COMMANDS: CliCommand[] = [
  {
    name: 'help',
    usage: 'help',
    summary: 'List these commands',
    run() {
      out('Weave operations. Usage: npm run weave -- <command>\n');
      for (const c of CLI_COMMANDS) out(`  ${c.usage.padEnd(58)} ${c.summary}`);
      return Promise.resolve(0);
    },
  },
  {
    name: 'import-roster',
    usage: 'import-roster FILE.csv [--dry-run] [--allow-many-leavers]',
    summary: "Import HR's staff roster: adds joiners, updates people, marks leavers",
    async run([file], flags) {
      if (!file) {
        fail('Which file? Usage: npm run weave -- import-roster FILE.csv');
        return 2;
      }
      const decoded = decodeRosterFile(await readFile(file));
      if ('error' in decoded) {
        fail(`${file} was not imported: it ${decoded.error.message}.`);
        return 1;
      }
      const text = decoded.text;
      return withRuntime(async (rt) => {
        const result = await importRoster({ ...rt, tenantId: rt.config.tenantId, timeZone: rt.config.timeZone }, text, {
          source: file, dryRun: flags['dry-run'] === true, allowManyLeavers: flags['allow-many-leavers'] === true,
        });
        for (const w of result.warnings) out(`warning: line ${w.line}: ${w.message}`);
        switch (result.outcome) {
          case 'invalid':
            fail(`${file} was not imported: nothing has changed. Fix ${result.errors.length === 1 ? 'this row' : `these ${result.errors.length} rows`} and import it again:`);
            for (const e of result.errors) fail(`  line ${e.line}: ${e.message}`);
            return 1;
          case 'too-many-leavers':
            fail(`${file} was not imported: it would mark ${result.summary.leavers} people as having left. If that is right, run again with --allow-many-leavers.`);
            printSummary(result.summary);
            return 1;
          case 'dry-run':
            out(`${file} is valid. Importing it would change:`);
            printSummary(result.summary);
            return 0;
          case 'imported':
            out(`Imported ${file} in ${(result.durationMs / 1000).toFixed(1)} s:`);
            printSummary(result.summary);
            return 0;
        }
      });
    },
  },
  {
    name: 'run-job',
    usage: 'run-job [NAME] [--at DATE-TIME]',
    summary: 'Run a timer job once now, or as if the clock read DATE-TIME; no NAME lists the jobs',
    async run([name], flags) {
      const config = cliConfig();
      const jobs = timerFunctions();
      if (!name) {
        out(`Timer jobs (schedules are NCRONTAB in ${config.timeZone}):`);
        for (const j of jobs) {
          const schedule = scheduleOf(j, config);
          const next = nextOccurrence(parseSchedule(schedule), new Date(), config.timeZone);
          out(`  ${j.name.padEnd(22)} ${schedule.padEnd(18)} next ${next.toISOString()}  ${j.description}`);
        }
        return 0;
      }
      const job = jobs.find((j) => j.name === name);
      if (!job) {
        fail(`No job "${name}". Jobs: ${jobs.map((j) => j.name).join(', ')}`);
        return 2;
      }
      const at = flagTime(flags, config.timeZone);
      return withRuntime(async (rt) => {
        out(`${job.name}: ${await job.run(rt)}`);
        return 0;
      }, at ? { clock: clockFrom(at) } : {});
    },
  },
  {
    name: 'erase-leavers',
    usage: 'erase-leavers --left-before YYYY-MM-DD [--dry-run]',
    summary: 'Delete everything about people who left before a date (the end of your retention period)',
    async run(_args, flags) {
      const before = flags['left-before'];
      if (typeof before !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(before) || Number.isNaN(Date.parse(before))) {
        fail('Which date? Usage: npm run weave -- erase-leavers --left-before YYYY-MM-DD [--dry-run]');
        return 2;
      }
      const dryRun = flags['dry-run'] === true;
      return withRuntime(async (rt) => {
        const { people, rows } = await eraseLeavers(rt, rt.config.tenantId, before, { dryRun });
        out(`${dryRun ? 'Would erase' : 'Erased'} ${rows} rows about ${people} ${people === 1 ? 'person' : 'people'} who left before ${before}.`);
        return 0;
      });
    },
  },
  {
    name: 'synthetic-roster',
    usage: 'synthetic-roster SIZE [--seed N]',
    summary: 'Print a synthetic roster of SIZE staff as CSV (for trying imports at scale)',
    run([size], flags) {
      const n = Number(size);
      if (!Number.isInteger(n) || n < 10) {
        fail('SIZE must be a whole number of at least 10');
        return Promise.resolve(2);
      }
      process.stdout.write(toRosterCsv(syntheticOrg(n, typeof flags.seed === 'string' ? Number(flags.seed) : 1)));
      return Promise.resolve(0);
    },
  },
];

export function parseArgs(argv: string[]): { command: string; args: string[]; flags: Record<string, string | true> } {
  const args: string[] = [];
  const flags: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a.startsWith('--')) {
      const [key, value] = a.slice(2).split('=', 2) as [string, string | undefined];
      if (value !== undefined) flags[key] = value;
      else if (key === 'at' || key === 'seed' || key === 'left-before') flags[key] = argv[++i] ?? true;
      else flags[key] = true;
    } else {
      args.push(a);
    }
  }
  return { command: args.shift() ?? 'help', args, flags };
}

async function main() {
  const { command, args, flags } = parseArgs(process.argv.slice(2));
  const found = CLI_COMMANDS.find((c) => c.name === command);
  if (!found) {
    fail(`Unknown command "${command}".`);
    await CLI_COMMANDS[0]!.run([], {});
    return 2;
  }
  return found.run(args, flags);
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    fail(err instanceof Error ? err.message : String(err));
    process.exit(1);
  },
);
