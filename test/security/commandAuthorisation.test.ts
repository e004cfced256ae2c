// Every chat command × every kind of person, from one table (a command missing from the table fails
// the test): who may run it, who is refused and how, and that a refusal writes nothing.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../bot/commands';
import { FOREIGN_TENANT } from '../../bot/weaveBot';
import { TABLES } from '../../store/tables';
import { startTestStack, type TestStack } from '../support/stack';
import { castOfFive } from '../support/cast';
import * as teams from '../support/teams';

type Who = 'practitioner' | 'their manager' | 'another manager' | 'ld admin' | 'unknown user' | 'another tenant';
const EVERYONE: Who[] = ['practitioner', 'their manager', 'another manager', 'ld admin', 'unknown user', 'another tenant'];

/** runs: the command does its job. role: refused for lacking the role. unknown: asked to introduce themself first. foreign: not our organisation. */
type Outcome = 'runs' | 'role' | 'unknown' | 'foreign';

const STAFF: Record<Who, Outcome> = { practitioner: 'runs', 'their manager': 'runs', 'another manager': 'runs', 'ld admin': 'runs', 'unknown user': 'unknown', 'another tenant': 'foreign' };
const ANYONE: Record<Who, Outcome> = { ...STAFF, 'unknown user': 'runs' };
const MANAGERS: Record<Who, Outcome> = { ...STAFF, practitioner: 'role', 'ld admin': 'role' };
const LD: Record<Who, Outcome> = { ...STAFF, practitioner: 'role', 'their manager': 'role', 'another manager': 'role' };
/** Line managers (for their own team) and L&D admins. */
const LEADS: Record<Who, Outcome> = { ...STAFF, practitioner: 'role' };

/** The design, as a table. */
const MATRIX: Record<string, Record<Who, Outcome>> = {
  help: ANYONE,
  profile: ANYONE,
  qualifications: STAFF,
  'my pathway': STAFF,
  'my plan': STAFF,
  'add need': STAFF,
  'log cpd': STAFF,
  'my cpd': STAFF,
  'export cpd': STAFF,
  'find mentor': STAFF,
  'offer mentoring': STAFF,
  'my mentoring': STAFF,
  pulse: STAFF,
  supervision: MANAGERS,
  'team status': MANAGERS,
  'view plan': MANAGERS,
  'team plan': MANAGERS,
  'team priorities': MANAGERS,
  'digest here': MANAGERS,
  'org plan': LD,
  'year plan': LD,
  'new trigger': LEADS,
  triggers: LEADS,
  'new offer': LD,
  offers: LD,
  'run matching': LD,
};

/** Commands that show one person's details: only that person's own manager may see them. */
const SHOWS_REPORTS = ['team status', 'view plan', 'team plan', 'supervision'];

describe('who may run each chat command', () => {
  let stack: TestStack;
  const { priya, dana, lee, morgan, records } = castOfFive();
  const stranger = teams.testUser('Sam Stranger', 'sam@elsewhere.example');
  const outsider = teams.testUser('Olu Outsider', 'olu@other-council.example');
  const as: Record<Who, teams.TestUser> = {
    practitioner: priya, 'their manager': dana, 'another manager': lee, 'ld admin': morgan, 'unknown user': stranger, 'another tenant': outsider,
  };
  const team = teams.testTeam('PaCT');
  const otherTenant = randomUUID();

  beforeAll(async () => {
    stack = await startTestStack();
    await stack.seed(records);
    // Everyone has talked to Weave once, so a refusal below has nothing left to record.
    for (const who of EVERYONE.filter((w) => w !== 'another tenant')) await stack.install(as[who]);
  }, 60_000);
  afterAll(async () => stack?.stop());

  /** Rows in every table of this stack. */
  async function rowCount(): Promise<number> {
    let n = 0;
    for (const name of Object.values(TABLES)) for await (const _ of stack.rt.tables.client(name).listEntities({ queryOptions: { select: ['RowKey'] } })) n++;
    return n;
  }

  /** Says `text` where the command lives (a team channel or the 1:1 chat) and answers what came back. */
  async function say(who: Who, command: string): Promise<{ status: number; texts: string[]; everything: string }> {
    const user = as[who];
    const o = { serviceUrl: stack.connector.url, tenantId: who === 'another tenant' ? otherTenant : stack.tenantId };
    const inChannel = !COMMANDS.find((c) => c.name === command)!.scopes.includes('personal');
    const conversationId = inChannel ? team.id : teams.personalConversationId(user);
    const before = stack.connector.to(conversationId).length;
    const res = await stack.post(inChannel ? teams.channelMessage(user, team, command, o) : teams.personalMessage(user, command, o));
    const sent = stack.connector.to(conversationId).slice(before).map((s) => s.activity);
    return { status: res.status, texts: sent.map((a) => (typeof a.text === 'string' ? a.text : '')), everything: JSON.stringify(sent) };
  }

  it('covers every command', () => {
    expect(Object.keys(MATRIX).sort()).toEqual(COMMANDS.map((c) => c.name).sort());
  });

  for (const command of Object.keys(MATRIX)) {
    for (const who of EVERYONE) {
      const outcome = MATRIX[command]![who];
      it(`${command}: ${who} → ${outcome}`, async () => {
        const rowsBefore = outcome === 'runs' ? 0 : await rowCount();
        const reply = await say(who, command);
        expect(reply.status).toBe(200);
        expect(reply.everything.length).toBeGreaterThan(2);
        const first = reply.texts[0] ?? '';
        if (outcome === 'foreign') expect(reply.texts).toEqual([FOREIGN_TENANT]);
        if (outcome === 'unknown') expect(first).toBe(`Weave doesn't know you yet. Type **profile** to introduce yourself, then **${command}** will work.`);
        if (outcome === 'role') expect(first).toMatch(new RegExp(`^\\*\\*${command}\\*\\* is only for (people with the .+ role|line managers and L&D admins)\\.`));
        if (outcome === 'runs') {
          expect(first).not.toMatch(/is only for|doesn't know you yet|isn't set up for your organisation|something went wrong/);
        } else {
          expect(await rowCount()).toBe(rowsBefore);
        }
        // Priya's details reach her and her own line manager only.
        if (who !== 'practitioner' && who !== 'their manager') expect(reply.everything).not.toContain('Priya');
        if (who === 'their manager' && SHOWS_REPORTS.includes(command)) expect(reply.everything).toContain('Priya');
      });
    }
  }
});
