// Weave under hostile input ("prove Weave loses nothing and lets no one in"): over a thousand
// malformed bodies, hostile messages and forged card submissions, posted over HTTP to the real stack.
// Each case: never 5xx, the host still answers, nothing crashes into the generic apology, and a
// person gets a clear, human answer; refusals change nothing. At the end, every table is whole.
// Replay a failure with FUZZ_SEED=<seed printed by fast-check>.
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../bot/commands';
import { REFUSALS } from '../../bot/flows/dispatch';
import { messagesOf } from '../../app/fields';
import { FLOWS, findAction } from '../../bot/flows';
import { MAX_ACTIVITY_BYTES } from '../../bot/teams/activityIn';
import { FOREIGN_TENANT } from '../../bot/weaveBot';
import { plain } from '../../core/text';
import { isGuid } from '../../core/validation';
import { cardProblems, cardText } from '../support/cards';
import { DELETE, hostileKey, hostileString, hostileText, hostileValue, malformedPost, objectOf, type RawPost } from '../support/hostile';
import { tableProblems } from '../support/tableInvariants';
import { foundBodies } from './fuzzFound';
import { hrRecord, startTestStack, type TestStack } from '../support/stack';
import * as teams from '../support/teams';
import type { ActivityOptions, TestUser } from '../support/teams';

/** Runs per property: 1,350 in all, well under a minute on two cores. */
const RUNS = { bodies: 400, messages: 350, invokes: 600 } as const;
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;
/** FUZZ_SCALE=10 for a longer hunt. */
const SCALE = Number(process.env.FUZZ_SCALE ?? 1);
/** Fixed cases (what earlier runs found) first, then fresh random ones. */
const settings = <T>(numRuns: number, examples: T[] = []): fc.Parameters<T> => ({ numRuns: Math.round(numRuns * SCALE), examples, ...(SEED === undefined ? {} : { seed: SEED }) });

const ALLOWED_STATUSES = [200, 400, 401, 413];
/** What an HTTP body must never show: stack frames, error classes, source paths. */
const INTERNALS = /\n\s+at \S+ \(|\b(TypeError|ReferenceError|RangeError|SyntaxError|RestError)\b|node_modules|\.[jt]s:\d+/;
/** zod's own messages: a schema that let one through has a field without a sentence a person can act on. */
const ZOD_DEFAULT = /^(Invalid input|Too (big|small)|Invalid (option|key|element|union|string|date)|Unrecognized key)/;
/** What a person must never read: leaked internals. Allowed only where they typed it themselves. */
const MACHINE_TEXT = [/\bundefined\b/, /\[object Object\]/, /\bNaN\b/, /\n\s+at \S+ \(/, /\b(TypeError|ReferenceError|RangeError|SyntaxError|RestError)\b/, /ECONNREFUSED|ETIMEDOUT/];

/** What the built-in prototypes hold before any hostile key has been parsed. */
const PROTOTYPES = [Object.prototype, Array.prototype, Function.prototype, String.prototype];
const pristine = PROTOTYPES.map((p) => Object.getOwnPropertyNames(p).sort());

const priya = teams.testUser('Priya Shah', 'priya.shah@example.org');
const dana = teams.testUser('Dana Hughes', 'dana.hughes@example.org');
const lee = teams.testUser('Lee Morgan', 'lee.morgan@example.org');
/** In the organisation's tenant, never on the roster. */
const kim = teams.testUser('Kim Stranger', 'kim@example.org');
/** From another organisation. */
const outsider = teams.testUser('Olly Outsider', 'olly@other.example');
const SEEDED = [priya, dana, lee];

interface Actor {
  user: TestUser;
  o: ActivityOptions;
  kind: 'seeded' | 'unknown' | 'foreign';
}

interface IssuedRef {
  cardId: string;
  kind: string;
  owner: TestUser;
}

const VERBS = FLOWS.flatMap((f) => Object.keys(f.actions));
const COMMAND_WORDS = COMMANDS.flatMap((c) => [c.name, ...(c.aliases ?? [])]);

/** Input names a verb's schema reads, where it declares them. */
function inputNames(verb: string): string[] {
  const shape = (findAction(verb)?.action.schema as { shape?: Record<string, unknown> } | undefined)?.shape;
  return shape ? Object.keys(shape) : [];
}

function machineTextIn(text: string, typed: string): string | undefined {
  const found = MACHINE_TEXT.find((re) => re.test(text) && !re.test(typed));
  return found && `"${text.slice(0, 200)}" matches ${found}`;
}

describe('Weave under hostile input', () => {
  let stack: TestStack;
  let actors: Actor[];
  const pool: IssuedRef[] = [];
  const needIds: string[] = [];

  const postRaw = async (raw: RawPost) => {
    const res = await fetch(`${stack.host.url}/api/messages`, { method: 'POST', headers: raw.headers, body: raw.body });
    return { status: res.status, text: await res.text() };
  };

  const hostAnswers = async () => (await fetch(`${stack.host.url}/api/health`)).status === 200;

  /** Everything wrong with what the bot did since these marks: error logs, invalid cards, machine text sent to people. */
  const problemsSince = (mark: { logs: number; sent: number; invalid: number }, typed: string): string[] => {
    const problems: string[] = [];
    for (const entry of stack.logs.slice(mark.logs)) {
      if (entry.level === 'error' || (entry.level === 'host' && entry.fields.level === 'error')) problems.push(`logged ${entry.event} ${JSON.stringify(entry.fields)}`);
    }
    for (const bad of stack.connector.invalidCards.slice(mark.invalid)) problems.push(`sent an invalid card: ${bad.problems.join('; ')}`);
    for (const { activity } of stack.connector.sent.slice(mark.sent)) {
      const text = typeof activity.text === 'string' ? activity.text : '';
      const attachments = Array.isArray(activity.attachments) ? activity.attachments : [];
      if (!text.trim() && attachments.length === 0) problems.push(`sent an empty activity ${JSON.stringify(activity).slice(0, 200)}`);
      const leak = machineTextIn(text, typed);
      if (leak) problems.push(`sent ${leak}`);
    }
    return problems;
  };

  const markNow = () => ({ logs: stack.logs.length, sent: stack.connector.sent.length, invalid: stack.connector.invalidCards.length });

  beforeAll(async () => {
    stack = await startTestStack();
    stack.connector.limits = null; // >1,000 activities into five chats a minute: past Teams' per-chat limits (throttling.test.ts covers them)
    const o = { serviceUrl: stack.connector.url, tenantId: stack.tenantId };
    actors = [
      ...SEEDED.map((user): Actor => ({ user, o, kind: 'seeded' })),
      { user: kim, o, kind: 'unknown' },
      { user: outsider, o: { ...o, tenantId: randomUUID() }, kind: 'foreign' },
    ];
    await stack.seed([
      hrRecord(dana, { jobTitle: 'Team Manager', profession: 'manager', careerStage: 'manager', roles: ['practitioner', 'manager'] }),
      hrRecord(priya, { managerId: dana.aadObjectId }),
      hrRecord(lee, { jobTitle: 'Workforce Development Lead', profession: 'business_support', team: 'Workforce Development', roles: ['practitioner', 'ld_admin'], registrationBody: 'none', registrationNumber: '' }),
    ]);
    for (const user of [...SEEDED, kim]) {
      for (const card of (await stack.install(user)).cards) await collect(card, user);
    }

    // A real need, so forged plan and CPD submits can name one.
    const addNeed = (await stack.message(priya, 'add need')).cards[0]!;
    await stack.act(priya, 'need.add', { cardId: cardIdIn(addNeed), areas: 'CC3', description: 'Court statements', priority: 'high', activityTypes: 'mentoring' });
    needIds.push(...(await stack.rt.needs.listFor(stack.tenantId, priya.aadObjectId)).map((n) => n.needId));

    const issuing: [TestUser, string][] = [
      [priya, 'add need'], [priya, 'log cpd'], [priya, 'profile'], [priya, 'my plan'], [priya, 'offer mentoring'], [priya, 'find mentor'],
      [dana, 'view plan'], [dana, 'profile'], [dana, 'supervision'], [dana, 'add need'], [dana, 'log cpd'],
      [lee, 'new offer'], [lee, 'new trigger'], [lee, 'profile'], [lee, 'log cpd'], [kim, 'profile'],
    ];
    for (const [user, command] of issuing) for (const card of (await stack.message(user, command)).cards) await collect(card, user);
    expect(pool.length).toBeGreaterThanOrEqual(issuing.length);
    stack.logs.length = 0;
  });

  afterAll(async () => stack?.stop());

  async function collect(card: Record<string, unknown>, owner: TestUser) {
    const id = /"cardId":"([0-9a-f-]{36})"/.exec(JSON.stringify(card))?.[1];
    if (!id) return;
    const issued = await stack.rt.cards.get(id);
    if (issued && !pool.some((c) => c.cardId === id)) pool.push({ cardId: id, kind: issued.kind, owner });
  }

  function cardIdIn(card: unknown): string {
    return /"cardId":"([0-9a-f-]{36})"/.exec(JSON.stringify(card))![1]!;
  }

  it(`refuses ${RUNS.bodies} malformed bodies with 400 or 413, never 5xx, and keeps answering`, async () => {
    await fc.assert(fc.asyncProperty(malformedPost(actors, MAX_ACTIVITY_BYTES), async (raw) => {
      const mark = markNow();
      const res = await postRaw(raw);
      expect(ALLOWED_STATUSES, `${raw.kind}: HTTP ${res.status} ${res.text.slice(0, 200)}`).toContain(res.status);
      if (raw.kind.startsWith('over the size limit')) expect(res.status).toBe(413);
      if (raw.kind.startsWith('at or under the size limit')) expect(res.status).toBe(200);
      if (raw.kind === 'not JSON' || raw.kind.startsWith('JSON, not')) expect(res.status).toBe(400);
      // A refusal's body is for Teams, not a person (botbuilder's own say "action 'undefined'"): only internals must stay in.
      expect(res.text, raw.kind).not.toMatch(INTERNALS);
      expect(problemsSince(mark, raw.body), raw.kind).toEqual([]);
      expect(Object.prototype).not.toHaveProperty('polluted');
      expect(await hostAnswers()).toBe(true);
    }), settings(RUNS.bodies, actors.flatMap(foundBodies).map((raw) => [raw] as [RawPost])));
  }, 120_000);

  it(`answers ${RUNS.messages} hostile messages with clear text, from anyone, anywhere`, async () => {
    const team = teams.testTeam('Fuzz team');
    const message = fc.record({
      actor: fc.constantFrom(...actors),
      where: fc.constantFrom('personal', 'channel', 'groupChat'),
      text: hostileText(COMMAND_WORDS),
      submitted: fc.option(hostileValue, { freq: 6 }),
    });
    await fc.assert(fc.asyncProperty(message, async ({ actor, where, text, submitted }) => {
      const activity: Record<string, unknown> = where === 'channel'
        ? teams.channelMessage(actor.user, team, text, actor.o)
        : teams.personalMessage(actor.user, text, actor.o);
      if (where === 'groupChat') activity.conversation = { id: '19:fuzz-group@thread.v2', conversationType: 'groupChat', tenantId: actor.o.tenantId };
      if (submitted !== null) activity.value = submitted;
      const conversationId = (activity.conversation as { id: string }).id;
      const mark = markNow();
      const res = await stack.post(activity);
      const typed = JSON.stringify(activity);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      const replies = stack.connector.sent.slice(mark.sent).filter((s) => s.conversationId === conversationId);
      expect(replies.length, 'a person who wrote gets an answer').toBeGreaterThan(0);
      if (actor.kind === 'foreign') expect(replies.map((r) => r.activity.text)).toEqual([FOREIGN_TENANT]);
      expect(problemsSince(mark, typed)).toEqual([]);
    }), settings(RUNS.messages));
    expect(await hostAnswers()).toBe(true);
  }, 120_000);

  it(`refuses ${RUNS.invokes} forged and garbled card submissions clearly, changing nothing it refuses`, async () => {
    const names = [...new Set(VERBS.flatMap(inputNames))];
    const perNeed = needIds.flatMap((id) => ['status', 'planActivity', 'planNote', 'planDate', 'dropReason', 'mentor', 'comment'].map((f) => `${f}_${id}`));
    const fieldName = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...names, ...perNeed, 'needId', 'personId', 'model', 'r_what', 'r_soWhat', 'r_nowWhat') }, { weight: 1, arbitrary: hostileKey });
    const plausible = fc.constantFrom<unknown>(
      'CC1', 'CC3,CC5', 'CC3.S2', 'high', 'mentoring', 'work_shadowing,mentoring', '2026-11-20', '2027-03-31', '1', '1,2,3,4,5', 'true', 'false', 'what', 'gibbs',
      '10:00', '90', '12', '1.5', 'met', 'dropped', 'open', 'social_worker', 'experienced', 'none', 'Something I learned', dana.email, priya.email, kim.email,
      priya.aadObjectId, dana.aadObjectId, ...needIds, true, 3, 0.25,
    );
    // At most one huge value, so the body stays under the size limit and reaches the flow.
    const huge = fc.tuple(fieldName, fc.integer({ min: 20_000, max: 200_000 }).map((n): unknown => 'é'.repeat(n / 2)));
    const fields = fc.tuple(fc.array(fc.tuple(fieldName, fc.oneof(plausible, hostileValue)), { maxLength: 10 }), fc.option(huge, { freq: 8 }))
      .map(([some, big]) => (big ? [...some, big] : some));
    const cardIdValue = fc.oneof(
      { weight: 1, arbitrary: fc.constant<unknown>(DELETE) },
      { weight: 1, arbitrary: fc.uuid().map((u): unknown => u) },
      { weight: 1, arbitrary: hostileValue },
      { weight: 4, arbitrary: fc.constantFrom<unknown>(...pool.map((c) => c.cardId)) },
    );
    const actorOf = (user: TestUser) => actors.find((a) => a.user === user)!;
    // Aimed at a real card with one of its own verbs, mostly by its owner; or anything at all.
    const aimed = fc.constantFrom(...pool).chain((card) => fc.record({
      actor: fc.oneof({ weight: 3, arbitrary: fc.constant(actorOf(card.owner)) }, { weight: 2, arbitrary: fc.constantFrom(...actors) }),
      verb: fc.constantFrom(...Object.keys(FLOWS.find((f) => f.kind === card.kind)!.actions)),
      cardId: fc.constant<unknown>(card.cardId),
      fields,
    }));
    const scattershot = fc.record({
      actor: fc.constantFrom(...actors),
      verb: fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...VERBS) }, { weight: 1, arbitrary: hostileString }),
      cardId: cardIdValue,
      fields,
    });

    await fc.assert(fc.asyncProperty(fc.oneof({ weight: 3, arbitrary: aimed }, { weight: 2, arbitrary: scattershot }), async ({ actor, verb, cardId, fields: entries }) => {
      const data = objectOf(cardId === DELETE ? entries : [...entries.filter(([k]) => k !== 'cardId'), ['cardId', cardId]]);
      const sent = JSON.parse(JSON.stringify(data)) as Record<string, unknown>;
      const expected = await expectationOf(actor, verb, sent);
      const before = expected.card && (await stack.rt.cards.get(expected.card));
      const mark = markNow();
      const activity = teams.cardAction(actor.user, verb, data, actor.o);
      const res = await stack.post(activity);
      const typed = JSON.stringify(data);
      const what = `${actor.kind} ${actor.user.name}: ${verb} ${typed.slice(0, 300)}`;

      if (Buffer.byteLength(JSON.stringify(activity), 'utf8') > MAX_ACTIVITY_BYTES) {
        expect(res.status, what).toBe(413);
        return;
      }
      expect(res.status, what).toBe(200);
      const body = res.body as { statusCode?: number; type?: string; value?: unknown };
      expect(body.statusCode, what).toBe(200);
      if (body.type === 'application/vnd.microsoft.activity.message') {
        expect(typeof body.value === 'string' && body.value.trim().length > 0, what).toBe(true);
        expect(machineTextIn(body.value as string, typed), what).toBeUndefined();
      } else {
        expect(body.type, what).toBe('application/vnd.microsoft.card.adaptive');
        expect(cardProblems(body.value), what).toEqual([]);
        // Flows that check their inputs inside the action show its messages too: each must be a sentence.
        const lines = cardText(body.value).split('\n').filter((l) => ZOD_DEFAULT.test(l) && !typed.includes(l));
        expect(lines, `${what}: messages no person can act on`).toEqual([]);
      }
      if ('refusal' in expected) expect(body.value, what).toBe(expected.refusal);
      if ('errors' in expected) {
        // Invalid input: the same card again, saying what to fix; never a silent success.
        expect(body.type, what).toBe('application/vnd.microsoft.card.adaptive');
        expect(expected.errors.filter((e) => ZOD_DEFAULT.test(e)), `${what}: messages no person can act on`).toEqual([]);
        const shown = cardText(body.value);
        expect(expected.errors.some((e) => shown.includes(e) || shown.includes(plain(e))), `${what}\nexpected one of ${JSON.stringify(expected.errors)}\nin ${shown.slice(0, 600)}`).toBe(true);
      }
      if (('refusal' in expected || 'errors' in expected) && before) {
        expect((await stack.rt.cards.get(before.cardId))?.etag, `${what}: a refusal changed the card`).toBe(before.etag);
      }
      expect(problemsSince(mark, typed), what).toEqual([]);
    }), settings(RUNS.invokes));
    expect(await hostAnswers()).toBe(true);
  }, 150_000);

  type Expectation = { card?: string } & ({ refusal: string } | { errors: string[] } | { anything: true });

  /** What dispatch must answer, worked out independently from the stored card and the verb's schema. */
  async function expectationOf(actor: Actor, verb: string, sent: Record<string, unknown>): Promise<Expectation> {
    if (actor.kind === 'foreign') return { refusal: FOREIGN_TENANT };
    const found = findAction(verb);
    if (!found) return { refusal: REFUSALS.unknownVerb };
    const cardId = typeof sent.cardId === 'string' && isGuid(sent.cardId) ? sent.cardId : undefined;
    const card = cardId ? await stack.rt.cards.get(cardId) : undefined;
    if (!card || card.kind !== found.flow.kind) return { card: card?.cardId, refusal: REFUSALS.unknownCard };
    if (card.recipientId !== actor.user.aadObjectId) return { card: card.cardId, refusal: REFUSALS.someoneElse };
    if (card.expiresAt && card.expiresAt < stack.rt.clock.now().toISOString()) return { card: card.cardId, refusal: REFUSALS.expired };
    if (card.state === 'done' && !found.action.onAnswered) return { card: card.cardId, refusal: REFUSALS.answered };
    const { cardId: _id, ...inputs } = sent;
    const parsed = found.action.schema.safeParse(inputs);
    return parsed.success ? { card: card.cardId, anything: true } : { card: card.cardId, errors: messagesOf(parsed.error) };
  }

  it('leaves every table whole: only seeded people, only this tenant, no half-written records', async () => {
    await stack.drainOutbox(15_000);
    const foreign = [outsider.aadObjectId, ...actors.filter((a) => a.kind === 'foreign').map((a) => a.o.tenantId)];
    const { problems, needs } = await tableProblems(stack.rt, { tenantId: stack.tenantId, seeded: SEEDED.map((u) => u.aadObjectId), foreign });
    expect(problems).toEqual([]);
    expect(needs, 'the scan read the needs the run made').toBeGreaterThan(0);
    expect(PROTOTYPES.map((p) => Object.getOwnPropertyNames(p).sort()), 'a prototype was polluted').toEqual(pristine);
    expect(stack.logs.filter((l) => l.level === 'error' || (l.level === 'host' && l.fields.level === 'error'))).toEqual([]);
  }, 60_000);
});
