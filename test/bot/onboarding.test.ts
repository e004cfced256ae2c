import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cardText } from '../support/cards';
import { hrRecord, startTestStack, type TestStack } from '../support/stack';
import { testUser, type TestUser } from '../support/teams';

function cardIdOf(card: Record<string, unknown>): string {
  const action = (card.actions as { data?: { cardId?: string } }[])[0];
  return action!.data!.cardId!;
}

const about = {
  jobTitle: 'Family Support Worker',
  profession: 'family_support_worker',
  team: 'Early Help 5-19',
  careerStage: 'early_career',
  registrationBody: 'none',
  registrationNumber: '',
  managerEmail: 'sam.okafor@example.org',
};

describe('someone not on the HR roster', () => {
  let stack: TestStack;
  const sam = testUser('Sam Okafor', 'sam.okafor@example.org');
  const jo = testUser('Jo Reed', 'jo.reed@example.org');

  async function joInstallsAndGetsCard(): Promise<string> {
    stack.connector.members.set(jo.teamsId, { id: jo.teamsId, aadObjectId: jo.aadObjectId, name: jo.name, email: jo.email });
    const { cards } = await stack.install(jo);
    expect(cards).toHaveLength(1);
    expect(cardText(cards[0])).toContain("You're not in the staff directory");
    return cardIdOf(cards[0]!);
  }

  beforeEach(async () => {
    stack = await startTestStack();
    await stack.seed([
      hrRecord(sam, { profession: 'manager', jobTitle: 'Early Help Team Manager', team: 'Early Help 5-19', careerStage: 'manager', roles: ['practitioner', 'manager'], registrationBody: 'none', registrationNumber: '' }),
    ]);
    await stack.install(sam);
  });
  afterEach(async () => stack?.stop());

  it('introduces themself on a card and their manager is asked to confirm', async () => {
    const cardId = await joInstallsAndGetsCard();
    const submitted = await stack.act(jo, 'onboarding.submit', { cardId, ...about });
    expect(submitted.body?.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(cardText(submitted.body?.value)).toContain("Thanks, Jo — you're set up");

    const jo1 = await stack.rt.people.get(stack.tenantId, jo.aadObjectId);
    expect(jo1).toMatchObject({ status: 'pending', source: 'self', profession: 'family_support_worker', managerId: sam.aadObjectId, email: jo.email });

    await stack.drainOutbox();
    const toSam = stack.repliesTo(sam);
    expect(toSam.cards).toHaveLength(1);
    expect(cardText(toSam.cards[0])).toContain('Jo Reed (jo.reed@example.org) introduced themselves');

    const confirmed = await stack.act(sam, 'joiner.confirm', { cardId: cardIdOf(toSam.cards[0]!) });
    expect(cardText(confirmed.body?.value)).toContain('Jo Reed is confirmed');
    expect(await stack.rt.people.get(stack.tenantId, jo.aadObjectId)).toMatchObject({ status: 'active', confirmedBy: sam.aadObjectId });

    await stack.drainOutbox();
    const toJo = stack.repliesTo(jo).texts;
    expect(toJo).toEqual([expect.stringContaining("confirmed you're in their team")]);
    // From this first day, the induction set is in Jo's plan (policy/mandatory.json).
    expect(toJo[0]).toContain('Your induction set is in your plan');
    const inductions = (await stack.rt.needs.listFor(stack.tenantId, jo.aadObjectId)).filter((n) => n.source === 'mandatory');
    expect(inductions.map((n) => n.sourceRef).sort()).toEqual(['induction-information-sharing', 'induction-multi-agency', 'induction-procedures']);
  });

  it('is told exactly what to fix, keeps what they typed, and nothing is stored', async () => {
    const cardId = await joInstallsAndGetsCard();
    const res = await stack.act(jo, 'onboarding.submit', { cardId, ...about, profession: 'astronaut', managerEmail: 'not-an-email' });
    const text = cardText(res.body?.value);
    expect(text).toContain('Profession: "astronaut" is not one of the choices.');
    expect(text).toContain("Your line manager's email is not a valid email address.");
    expect(JSON.stringify(res.body?.value)).toContain('Family Support Worker');
    expect(await stack.rt.people.get(stack.tenantId, jo.aadObjectId)).toBeUndefined();

    const unknownManager = await stack.act(jo, 'onboarding.submit', { cardId, ...about, managerEmail: 'nobody@example.org' });
    expect(cardText(unknownManager.body?.value)).toContain("Weave couldn't find nobody@example.org in the staff directory");
    expect(await stack.rt.people.get(stack.tenantId, jo.aadObjectId)).toBeUndefined();
  });

  it('can submit again after asking the manager failed, and the manager is asked', async () => {
    const cardId = await joInstallsAndGetsCard();
    await stack.rt.queues.client('outbox').delete(); // the queue is unreachable for a moment
    const failed = await stack.act(jo, 'onboarding.submit', { cardId, ...about });
    expect(failed.body?.value).toContain("something went wrong on Weave's side");
    await stack.rt.queues.client('outbox').create();
    const retried = await stack.act(jo, 'onboarding.submit', { cardId, ...about });
    expect(cardText(retried.body?.value)).toContain("Thanks, Jo — you're set up");
    await stack.drainOutbox();
    expect(stack.repliesTo(sam).cards).toHaveLength(1);
  });

  it('cannot submit the same card twice', async () => {
    const cardId = await joInstallsAndGetsCard();
    await stack.act(jo, 'onboarding.submit', { cardId, ...about });
    const again = await stack.act(jo, 'onboarding.submit', { cardId, ...about, jobTitle: 'Changed' });
    expect(again.body).toMatchObject({ type: 'application/vnd.microsoft.activity.message', value: "You've already answered this card." });
    expect((await stack.rt.people.get(stack.tenantId, jo.aadObjectId))?.jobTitle).toBe('Family Support Worker');
  });

  it("refuses a submit of someone else's card and changes nothing", async () => {
    const cardId = await joInstallsAndGetsCard();
    const mallory: TestUser = testUser('Mallory', 'mallory@example.org');
    const forged = await stack.act(mallory, 'onboarding.submit', { cardId, ...about });
    expect(forged.body).toMatchObject({ value: 'This card was sent to someone else, so only they can answer it.' });
    expect(await stack.rt.people.get(stack.tenantId, mallory.aadObjectId)).toBeUndefined();
    expect(await stack.rt.people.get(stack.tenantId, jo.aadObjectId)).toBeUndefined();
    expect(stack.logs.some((l) => l.event === 'card.refused' && l.fields.reason === 'not_recipient')).toBe(true);
  });

  it('a manager who says "not my report" sends the joiner back to name their manager again', async () => {
    const cardId = await joInstallsAndGetsCard();
    await stack.act(jo, 'onboarding.submit', { cardId, ...about });
    await stack.drainOutbox();
    const [confirmCard] = stack.repliesTo(sam).cards;
    const declined = await stack.act(sam, 'joiner.decline', { cardId: cardIdOf(confirmCard!) });
    expect(cardText(declined.body?.value)).toContain('asked to check who their line manager is');
    expect((await stack.rt.people.get(stack.tenantId, jo.aadObjectId))?.managerId).toBeNull();
    await stack.drainOutbox();
    expect(stack.repliesTo(jo).texts).toEqual([expect.stringContaining('Type **profile** to name your line manager again')]);

    // Jo names Sam again from their profile: Sam is asked once more.
    const { cards } = await stack.message(jo, 'profile');
    const saved = await stack.act(jo, 'profile.save', { cardId: cardIdOf(cards[0]!), ...about, preferredName: '', supervisorEmail: '', workingDays: '1,2,3' });
    expect(cardText(saved.body?.value)).toContain('Saved.');
    await stack.drainOutbox();
    expect(stack.repliesTo(sam).cards).toHaveLength(1);
    expect((await stack.rt.people.get(stack.tenantId, jo.aadObjectId))).toMatchObject({ managerId: sam.aadObjectId, workingDays: [1, 2, 3] });
  });
});

describe('who can vouch for a newcomer', () => {
  let stack: TestStack;
  const sam = testUser('Sam Okafor', 'sam.okafor@example.org');
  const jo = testUser('Jo Reed', 'jo.reed@example.org');
  const kit = testUser('Kit Lane', 'kit.lane@example.org');
  beforeEach(async () => {
    stack = await startTestStack();
    await stack.seed([hrRecord(sam, { profession: 'manager', careerStage: 'manager', roles: ['practitioner', 'manager'] })]);
    await stack.install(sam);
  });
  afterEach(async () => stack?.stop());

  async function introduce(user: TestUser, managerEmail: string) {
    stack.connector.members.set(user.teamsId, { id: user.teamsId, aadObjectId: user.aadObjectId, name: user.name, email: user.email });
    const { cards } = await stack.install(user);
    return stack.act(user, 'onboarding.submit', { cardId: cardIdOf(cards[0]!), ...about, managerEmail });
  }

  it('is never another newcomer: two unrostered people cannot confirm each other', async () => {
    await introduce(jo, sam.email);
    const res = await introduce(kit, jo.email);
    expect(cardText(res.body?.value)).toContain("jo.reed@example.org isn't on HR's staff roster yet, so they can't confirm you.");
    expect(await stack.rt.people.get(stack.tenantId, kit.aadObjectId)).toBeUndefined();
  });

  it('must confirm again when a confirmed newcomer names a different manager', async () => {
    const other = testUser('Ola Berg', 'ola.berg@example.org');
    await stack.seed([hrRecord(other, { profession: 'manager', careerStage: 'manager', roles: ['practitioner', 'manager'] })]);
    await stack.install(other);
    await introduce(jo, sam.email);
    await stack.drainOutbox();
    await stack.act(sam, 'joiner.confirm', { cardId: cardIdOf(stack.repliesTo(sam).cards[0]!) });
    expect((await stack.rt.people.get(stack.tenantId, jo.aadObjectId))?.status).toBe('active');

    const { cards } = await stack.message(jo, 'profile');
    await stack.act(jo, 'profile.save', { cardId: cardIdOf(cards[0]!), ...about, managerEmail: other.email, preferredName: '', supervisorEmail: '', workingDays: '1,2,3,4,5' });
    expect(await stack.rt.people.get(stack.tenantId, jo.aadObjectId)).toMatchObject({ status: 'pending', managerId: other.aadObjectId, confirmedBy: null });
    await stack.drainOutbox();
    expect(stack.repliesTo(other).cards).toHaveLength(1);
  });
});
