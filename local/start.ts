// `npm start`: the whole local stack in one terminal. Azurite (its own process), the bot host
// (this process: the same function handlers Azure runs, with timers and queue polling), the demo
// organisation on first start, and an Agents Playground per demo persona. Ctrl+C stops it all.
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createLogger } from '../core/log';
import { formatLogMessage, printLine } from '../functions/local/console';
import { startLocalHost, type LocalHost } from '../functions/local/host';
import { azuriteConnectionString, LOCAL_TENANT_ID, loadConfig } from '../runtime/config';
import { createRuntime } from '../runtime/runtime';
import { tabAssetsBuiltOnDemand } from '../tab/build';
import { azuriteAnswers, spawnAzurite } from './azurite';
import { loadDemoOrganisation } from './demo/load';
import { personaByKey } from './demo/personas';
import { startPlayground } from './playground';
import { pipeOutput, stopChild, waitForOutput, waitUntil } from './processes';
import { localSettings } from './settings';

const say = (message: string) => printLine('info', 'weave', message);

async function main() {
  const local = localSettings();
  const children: ChildProcess[] = [];
  let host: LocalHost | undefined;
  let stopping = false;

  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    say('stopping…');
    await host?.stop();
    await Promise.all(children.map((c) => stopChild(c)));
    say('stopped');
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
  // Children run in their own process groups; never leave one behind, however this process ends.
  process.on('exit', () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });

  try {
    // Storage
    if (await azuriteAnswers(local.host, local.tablePort)) {
      throw new Error(`something is already listening on ${local.host}:${local.tablePort}: is another Weave stack running? (set WEAVE_TABLE_PORT and WEAVE_QUEUE_PORT to run a second one)`);
    }
    const location = local.inMemory ? null : join(local.dataDir, 'azurite');
    const azurite = spawnAzurite({ host: local.host, tablePort: local.tablePort, queuePort: local.queuePort, location });
    children.push(azurite);
    pipeOutput(azurite, 'azurite', (line) => /successfully|is starting|extent storage/i.test(line));
    await waitUntil(() => azuriteAnswers(local.host, local.tablePort), 20_000, 'Azurite');
    say(`storage    Azurite table :${local.tablePort}, queue :${local.queuePort}, ${location ? `data in ${location}` : 'in memory'}`);

    // Bot host
    const config = loadConfig({
      ...process.env,
      WEAVE_MODE: 'local',
      WEAVE_TENANT_ID: LOCAL_TENANT_ID,
      AzureWebJobsStorage: azuriteConnectionString(local.host, { table: local.tablePort, queue: local.queuePort }),
    });
    const log = createLogger((level, event, fields) => printLine(level, 'bot', formatLogMessage(JSON.stringify({ event, ...fields }))), config.logLevel);
    const rt = await createRuntime(config, { log, tabAssets: tabAssetsBuiltOnDemand() });
    host = await startLocalHost(rt, { port: local.botPort, host: local.host, timers: true });
    const endpoint = `http://${local.host}:${host.port}/api/messages`;
    say(`bot        ${endpoint} (Bot Framework authentication off: local mode)`);
    say(`tab        http://${local.host}:${host.port}/api/tab/ (dev sign-in: local mode only)`);

    // Demo organisation, once
    if ((await rt.people.list(config.tenantId)).length === 0) {
      const { staff, learning } = await loadDemoOrganisation(rt, config.tenantId);
      say(`demo org   ${staff} staff loaded from local/demo/roster.csv, with ${learning} plan needs, CPD records and mentoring offers`);
    } else {
      say(`demo org   already loaded (${location ? 'delete .data/ or set WEAVE_IN_MEMORY=1 for a fresh one' : 'in memory'})`);
    }

    // Playgrounds
    if (local.playground) {
      const personas = local.playgroundPersonas.map(personaByKey);
      const started = await Promise.all(personas.map(async (persona, i) => {
        const port = local.playgroundPort + i;
        const child = startPlayground({ persona, port, botEndpoint: endpoint, tenantId: config.tenantId, configDir: join(local.dataDir, 'playground') });
        children.push(child);
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
    say('ready. Type "help" in a playground chat. Ctrl+C stops everything.');
  } catch (err) {
    printLine('error', 'weave', (err as Error).message);
    await stop(1);
  }
}

void main();
