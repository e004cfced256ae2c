// `npm start`: the whole local stack in one terminal. Azurite (its own process), the bot host
// (this process: the same function handlers Azure runs, with timers and queue polling), the demo
// organisation on first start, and an Agents Playground per demo persona. However it is asked to
// stop (local/stopRequests.ts), it stops everything it started within a few seconds.
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createLogger } from '../core/log';
import { formatLogMessage, printLine } from '../functions/local/console';
import { startLocalHost, type LocalHost } from '../functions/local/host';
import { azuriteConnectionString, loadConfig } from '../runtime/config';
import { createRuntime } from '../runtime/runtime';
import { tabAssetsBuiltOnDemand } from '../tab/build';
import { azuriteAnswers, spawnAzurite } from './azurite';
import { loadDemoOrganisation } from './demo/load';
import { personaByKey, README_PEOPLE } from './demo/personas';
import { startPlayground } from './playground';
import { isRunning, pipeOutput, signalGroup, stopChild, waitForOutput, waitUntil } from './processes';
import { localSettings } from './settings';
import { onStopRequest, type StopRequest } from './stopRequests';

const say = (message: string) => printLine('info', 'weave', message);

/** In-flight turns and jobs get this long to finish before storage goes. */
const HOST_GRACE_MS = 2000;
/** Each child gets this long after SIGINT before its process group is killed. */
const CHILD_GRACE_MS = 3000;
/** Whatever is still running by then is killed: stopping takes at most this long. */
const STOP_DEADLINE_MS = 8000;
/** The same Ctrl+C arrives twice (from the terminal and forwarded by npm); a later one means "now". */
const REPEAT_MS = 1000;

async function main() {
  const local = localSettings();
  let azurite: ChildProcess | undefined;
  const playgrounds: ChildProcess[] = [];
  const children = () => [...playgrounds, ...(azurite ? [azurite] : [])];
  let host: LocalHost | undefined;
  let stoppingSince: number | undefined;

  const killChildren = () => {
    for (const child of children()) if (isRunning(child)) signalGroup(child, 'SIGKILL');
  };
  const stopNow = (code: number) => {
    killChildren();
    say('stopped');
    process.exit(code);
  };
  const stop = async (code: number, why?: StopRequest) => {
    stoppingSince = Date.now();
    say(why === 'SIGINT' ? 'stopping… (Ctrl+C again stops at once)' : why ? `stopping… (${why === 'orphaned' ? 'npm start is gone' : why})` : 'stopping…');
    setTimeout(() => stopNow(code), STOP_DEADLINE_MS);
    // Playgrounds go with the host; Azurite after it, so work in flight can finish writing.
    const hostStopped = host?.stop() ?? Promise.resolve();
    await Promise.all([
      Promise.race([hostStopped, new Promise((r) => setTimeout(r, HOST_GRACE_MS))]),
      ...playgrounds.map((child) => stopChild(child, CHILD_GRACE_MS)),
    ]);
    if (azurite) await stopChild(azurite, CHILD_GRACE_MS);
    stopNow(code);
  };
  onStopRequest((why) => {
    if (stoppingSince === undefined) void stop(0, why);
    else if (why === 'SIGINT' && Date.now() - stoppingSince > REPEAT_MS) stopNow(0);
  });
  // However this process ends (an uncaught error too), no child is left behind.
  process.on('exit', killChildren);

  try {
    // Storage
    if (await azuriteAnswers(local.host, local.tablePort)) {
      throw new Error(`something is already listening on ${local.host}:${local.tablePort}: is another Weave stack running? (set WEAVE_TABLE_PORT and WEAVE_QUEUE_PORT to run a second one)`);
    }
    const location = local.inMemory ? null : join(local.dataDir, 'azurite');
    azurite = spawnAzurite({ host: local.host, tablePort: local.tablePort, queuePort: local.queuePort, location });
    pipeOutput(azurite, 'azurite', (line) => /successfully|is starting|is closing|extent storage/i.test(line));
    await waitUntil(() => azuriteAnswers(local.host, local.tablePort), 20_000, 'Azurite');
    say(`storage    Azurite table :${local.tablePort}, queue :${local.queuePort}, ${location ? `data in ${location}` : 'in memory'}`);

    // Bot host: the demo organisation's tenant unless WEAVE_TENANT_ID names the council's own
    const config = loadConfig({
      ...process.env,
      WEAVE_MODE: 'local',
      AzureWebJobsStorage: azuriteConnectionString(local.host, { table: local.tablePort, queue: local.queuePort }),
    });
    const log = createLogger((level, event, fields) => printLine(level, 'bot', formatLogMessage(JSON.stringify({ event, ...fields }))), config.logLevel);
    const rt = await createRuntime(config, { log, tabAssets: tabAssetsBuiltOnDemand(), devSignInFirst: README_PEOPLE });
    // Demo organisation, once: before the host starts its timers, so their first run sees it
    say(`tenant     ${config.tenantId} (${process.env.WEAVE_TENANT_ID ? 'WEAVE_TENANT_ID' : "the demo's; set WEAVE_TENANT_ID for your own"})`);
    if ((await rt.people.list(config.tenantId)).length === 0) {
      const { staff, learning } = await loadDemoOrganisation(rt, config.tenantId);
      say(`demo org   ${staff} staff loaded from local/demo/roster.csv, with ${learning} plan needs, CPD records and mentoring offers`);
    } else {
      say(`demo org   already loaded (${location ? 'delete .data/ or set WEAVE_IN_MEMORY=1 for a fresh one' : 'in memory'})`);
    }

    host = await startLocalHost(rt, { port: local.botPort, host: local.host, timers: true });
    const endpoint = `http://${local.host}:${host.port}/api/messages`;
    say(`bot        ${endpoint} (Bot Framework authentication off: local mode)`);
    say(`tab        http://${local.host}:${host.port}/api/tab/ (dev sign-in: local mode only)`);

    // Playgrounds
    if (local.playground) {
      const personas = local.playgroundPersonas.map(personaByKey);
      const started = await Promise.all(personas.map(async (persona, i) => {
        const port = local.playgroundPort + i;
        const child = startPlayground({ persona, port, botEndpoint: endpoint, tenantId: config.tenantId, configDir: join(local.dataDir, 'playground') });
        playgrounds.push(child);
        const ready = waitForOutput(child, /Listening on/i, 60_000, `the playground for ${persona.name}`);
        pipeOutput(child, `play:${persona.key}`.slice(0, 10), (line) => !/error|warn|fail/i.test(line));
        await ready;
        return { persona, port, child };
      }));
      // A bad mock-data file is reported after "Listening on": check they are still up.
      await new Promise((r) => setTimeout(r, 1500));
      for (const { persona, port, child } of started) {
        if (child.exitCode !== null) throw new Error(`the playground for ${persona.name} stopped right after starting (see its output above)`);
        say(`playground http://localhost:${port}  as ${persona.name}, ${persona.view}`);
      }
    } else {
      say('playground skipped (PLAYGROUND=0)');
    }
    if (stoppingSince === undefined) say('ready. Type "help" in a playground chat. Ctrl+C stops everything.');
  } catch (err) {
    if (stoppingSince !== undefined) return; // asked to stop while starting: what failed was stopped on purpose
    printLine('error', 'weave', (err as Error).message);
    await stop(1);
  }
}

void main();
