// The dependency rules of docs/architecture.md, checked on every import in the code.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..');
const SOURCE_DIRS = ['core', 'store', 'app', 'bot', 'graph', 'cards', 'functions', 'jobs', 'runtime', 'cli', 'local', 'admin', 'views', 'documents', 'api', 'tab', 'manifest', 'pages'];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const imports = SOURCE_DIRS.flatMap((dir) => files(join(ROOT, dir))).map((path) => ({
  file: relative(ROOT, path),
  specifiers: [...readFileSync(path, 'utf8').matchAll(/^(?:import|export)[^'"]*from\s+'([^']+)'/gm)].map((m) => m[1]!),
}));

/** botbuilder and the Teams SDK (@microsoft/teams.apps, .api, .common, .cards, .graph); not teams-js, the tab's client library. */
const isBotSdk = (s: string) => s.startsWith('botbuilder') || s.startsWith('botframework') || s.startsWith('@microsoft/teams.');

function violations(where: (file: string) => boolean, forbidden: (specifier: string) => boolean) {
  return imports.filter((i) => where(i.file)).flatMap((i) => i.specifiers.filter(forbidden).map((s) => `${i.file} imports ${s}`));
}

describe('dependencies point inward', () => {
  it('core imports nothing from Azure, botbuilder or the other layers', () => {
    expect(violations((f) => f.startsWith('core/'), (s) => s.startsWith('@azure/') || isBotSdk(s) || (s.startsWith('..') && !s.startsWith('../core')) )).toEqual([]);
  });

  it('only bot/teams/ talks to a bot SDK (botbuilder, or the Teams SDK in bot/teams/sdk/)', () => {
    expect(violations((f) => !f.startsWith('bot/teams/'), isBotSdk)).toEqual([]);
    expect(violations((f) => f.startsWith('bot/teams/') && !f.startsWith('bot/teams/sdk/'), (s) => s.startsWith('@microsoft/teams.'))).toEqual([]);
    expect(violations((f) => f.startsWith('bot/teams/sdk/'), (s) => s.startsWith('botbuilder') || s.startsWith('botframework'))).toEqual([]);
  });

  it('graph/ is an adapter for the installer port: core, the port and Azure identity only', () => {
    expect(violations((f) => f.startsWith('graph/'), (s) => !(s.startsWith('./') || /^\.\.\/(core\/|app\/messaging\/installer$)/.test(s) || s === '@azure/identity'))).toEqual([]);
  });

  it('store knows nothing of the use cases, the bot, functions or cards', () => {
    expect(violations((f) => f.startsWith('store/'), (s) => /^\.\.\/(app|bot|functions|cards|runtime|jobs|api)\//.test(s))).toEqual([]);
  });

  it('cards are pure templates: no stores, no bot', () => {
    expect(violations((f) => f.startsWith('cards/'), (s) => /^\.\.\/(bot|store|functions|runtime)\//.test(s) || s.startsWith('@azure/'))).toEqual([]);
  });

  it('views and documents turn domain records into words: core only, no I/O', () => {
    expect(violations((f) => f.startsWith('views/') || f.startsWith('documents/'), (s) => s.startsWith('@azure/') || s.startsWith('node:') || (s.startsWith('..') && !/^\.\.\/(core|views)\//.test(s)))).toEqual([]);
  });

  it('the tab browser code reaches the server only over HTTP: its own files, the API types, teams-js and the card renderer', () => {
    expect(violations((f) => f.startsWith('tab/client/'), (s) => !(s.startsWith('./') || /^(\.\.\/){1,2}(dom|session|forms|format|cardPreview|checklist|pages\/)/.test(s) || /^(\.\.\/)+api\/shapes$/.test(s) || s === '@microsoft/teams-js' || s === 'adaptivecards'))).toEqual([]);
  });

  it('only the local stack and the operators\' CLI reach into local/ (the demo stays out of what Azure runs)', () => {
    expect(violations((f) => !f.startsWith('local/') && !f.startsWith('cli/'), (s) => /^(\.\.\/)+local\//.test(s))).toEqual([]);
  });

  it('app/ holds the use cases: it knows the stores and the rules, never the conversation, the tab, the hosts or cards', () => {
    expect(violations((f) => f.startsWith('app/'), (s) => /^(\.\.\/)+(bot|api|jobs|functions|runtime|cards|local|cli|admin|tab|graph)\//.test(s) || s.startsWith('@azure/') || isBotSdk(s))).toEqual([]);
  });

  it('the conversation never calls a job: chat and timers share use cases in app/', () => {
    expect(violations((f) => f.startsWith('bot/'), (s) => /^(\.\.\/)+jobs\//.test(s))).toEqual([]);
  });

  it('the tab API, jobs and functions call app/, never a chat flow or command', () => {
    expect(violations((f) => /^(api|jobs|functions)\//.test(f), (s) => /^(\.\.\/)+bot\/(flows|commands)\//.test(s))).toEqual([]);
  });

  it('only the composition root and the hosts that start it import runtime/', () => {
    const hosts = (f: string) => f.startsWith('runtime/') || f === 'functions/index.ts' || f.startsWith('local/') || f.startsWith('cli/');
    expect(violations((f) => !hosts(f), (s) => /^(\.\.\/)+runtime\//.test(s))).toEqual([]);
  });

  it('every Table query is built with the odata template', () => {
    const raw = SOURCE_DIRS.flatMap((dir) => files(join(ROOT, dir)))
      .filter((path) => /filter:\s*`|filter:\s*['"]/.test(readFileSync(path, 'utf8')))
      .map((path) => relative(ROOT, path));
    expect(raw).toEqual([]);
  });
});
