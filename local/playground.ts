// The Microsoft 365 Agents Playground: a Teams-like client for the bot, one per demo persona, each
// signed in as that person with the other personas as colleagues in a group chat and a team.
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { PERSONAS, type Persona } from './demo/personas';
import { spawnChild } from './processes';

const require = createRequire(import.meta.url);

/** The team the playground shows: PaCT, with a Training channel besides General. */
export const PLAYGROUND_TEAM = {
  id: '19:pact-general@thread.tacv2',
  name: 'PaCT (Protection and Court)',
  aadGroupId: '7c0d1e2f-3a4b-4c5d-8e6f-708192a3b4c5',
  channels: [{ id: '19:pact-training@thread.tacv2', name: 'Training' }],
};

function user(p: Persona) {
  const [givenName = p.name, ...rest] = p.name.split(' ');
  return {
    id: `29:${p.key}`,
    name: p.name,
    userPrincipleName: p.email, // sic: the playground's schema spells it this way
    aadObjectId: p.aadObjectId,
    givenName,
    surname: rest.join(' ') || givenName,
    email: p.email,
  };
}

/** Playground mock data (schema 0.1.1). JSON is YAML, so it is written as JSON. */
export function playgroundConfig(me: Persona, tenantId: string): object {
  const others = PERSONAS.filter((p) => p.key !== me.key).slice(0, 5);
  if (others.length !== 5) throw new Error('the playground needs exactly five other users');
  return {
    version: '0.1.1',
    tenantId,
    bot: { id: '28:weave-local-bot', name: 'Weave' },
    currentUser: user(me),
    users: others.map(user),
    personalChat: { id: `a:weave-personal-${me.key}` },
    groupChat: { id: '19:weave-demo-group@thread.v2', name: 'Practice development group' },
    team: PLAYGROUND_TEAM,
  };
}

export function startPlayground(opts: { persona: Persona; port: number; botEndpoint: string; tenantId: string; configDir: string }): ChildProcess {
  mkdirSync(opts.configDir, { recursive: true });
  const configPath = join(opts.configDir, `${opts.persona.key}.m365agentsplayground.yml`);
  writeFileSync(configPath, `# Written by npm start for ${opts.persona.name}; changes are overwritten.\n${JSON.stringify(playgroundConfig(opts.persona, opts.tenantId), null, 2)}\n`);
  const cli = require.resolve('@microsoft/m365agentsplayground/cli.js');
  return spawnChild(cli, ['-e', opts.botEndpoint, '-c', 'msteams', '--disable-telemetry', '-p', String(opts.port)], {
    ...process.env,
    M365_AGENTS_PLAYGROUND_CONFIG_PATH: configPath,
    TEAMSAPPTESTER_BROWSER: 'none',
    APPLICATION_INSIGHTS_NO_STATSBEAT: 'true',
    APPLICATIONINSIGHTS_CONFIGURATION_CONTENT: JSON.stringify({ disableAppInsights: true, disableStatsbeat: true, enableAutoCollectHeartbeat: false }),
  });
}
