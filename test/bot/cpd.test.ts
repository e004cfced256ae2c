// The CPD record through the protocol: `log cpd` (validation, reflection models, the check for
// details that identify a child), `my cpd` against each regulator, `export cpd` read back as a
// file, and the renewal-window reminders.
import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runRegistrationReminders } from '../../jobs/registrationReminders';
import { cardIdIn, cardText } from '../support/cards';
import { hrRecord, startTestStack, testClock, type TestStack } from '../support/stack';
import * as teams from '../support/teams';

const piece = {
  title: 'Shadowed the school nursing team at a drop-in',
  activityType: 'work_shadowing',
  date: '2026-11-20',
  hours: '3',
  participatoryHours: '3',
  codes: 'CC5,CC1',
  needIds: '',
  r_what: 'I spent a morning with the school nurses at their drop-in.',
  r_soWhat: 'I had not understood how much health advice they give on consent.',
  r_nowWhat: 'I will call the school nurse before a strategy discussion, not after.',
  impactPractice: 'Earlier, better-informed contact with health colleagues.',
  impactPeople: 'Young people hear one message from us, not two.',
  peerName: 'Hana Ali',
  peerProfession: 'school_nurse',
  peerReflection: 'Priya asked good questions about Gillick competence.',
  includesFeedback: 'false',
  reflectiveDiscussion: 'false',
};

describe('CPD record', () => {
  let stack: TestStack;
  const clock = testClock('2026-11-23T10:00:00Z'); // Monday, inside Social Work England's renewal window
  const dana = teams.testUser('Dana Hughes', 'dana.hughes@example.org');
  const priya = teams.testUser('Priya Shah', 'priya.shah@example.org');
  const hana = teams.testUser('Hana Ali', 'hana.ali@example.org');
  const omar = teams.testUser('Omar Reid', 'omar.reid@example.org');
  const eve = teams.testUser('Eve Marsh', 'eve.marsh@example.org');

  beforeEach(async () => {
    clock.set('2026-11-23T10:00:00Z');
    stack = await startTestStack({ clock });
    await stack.seed([
      hrRecord(dana, { jobTitle: 'Team Manager', profession: 'manager', careerStage: 'manager', roles: ['practitioner', 'manager'] }),
      hrRecord(priya, { managerId: dana.aadObjectId }),
      hrRecord(hana, { managerId: dana.aadObjectId, jobTitle: 'School Nurse', profession: 'school_nurse', registrationBody: 'nmc', registrationNumber: '12A3456E' }),
      hrRecord(omar, { managerId: dana.aadObjectId, jobTitle: 'Educational Psychologist', profession: 'educational_psychologist', registrationBody: 'hcpc', registrationNumber: 'PYL12345' }),
      hrRecord(eve, { managerId: dana.aadObjectId, jobTitle: 'Nursery Nurse', profession: 'early_years_practitioner', registrationBody: 'none', registrationNumber: '' }),
    ]);
    for (const u of [dana, priya, hana, omar, eve]) await stack.install(u);
  });
  afterEach(async () => stack?.stop());

  async function logCpd(user: teams.TestUser, fields: Record<string, string>) {
    const { cards } = await stack.message(user, 'log cpd');
    const cardId = cardIdIn(cards[0]);
    return { cardId, res: await stack.act(user, 'cpd.save', { cardId, ...fields }) };
  }

  it('saves a piece of CPD with its reflection, impact and peer reflection, and says where the person stands', async () => {
    const { res } = await logCpd(priya, piece);
    const text = cardText(res.body?.value);
    expect(text).toContain('Saved to your CPD record');
    expect(text).toContain('Social Work England, registration year 1 December 2025 to 30 November 2026');
    expect(text).toContain('✗ 1 of 2 pieces');
    expect(text).toContain('✓ 1 of 1 piece');
    const [record] = await stack.rt.cpd.listFor(stack.tenantId, priya.aadObjectId);
    expect(record).toMatchObject({
      activityType: 'work_shadowing', hours: 3, participatoryHours: 3, codes: ['CC5', 'CC1'], reflectionModel: 'what',
      reflection: { what: piece.r_what, soWhat: piece.r_soWhat, nowWhat: piece.r_nowWhat }, peer: { name: 'Hana Ali', profession: 'school_nurse' },
    });
  });

  it('refuses what it cannot use, says what to fix, keeps every word typed, and saves nothing', async () => {
    const { cardId, res } = await logCpd(priya, { ...piece, date: '2026-11-30', participatoryHours: '5', peerName: '', peerProfession: '' });
    const text = cardText(res.body?.value);
    expect(text).toContain("When: choose today or a day before; CPD is logged once it's happened.");
    expect(text).toContain('Hours with others cannot be more than the hours in all.');
    expect(text).toContain("Peer reflection: give your peer's name and profession too.");
    const json = JSON.stringify(res.body?.value);
    for (const typed of [piece.r_what, piece.r_soWhat, piece.impactPeople, piece.peerReflection]) expect(json).toContain(typed);

    const bad = await stack.act(priya, 'cpd.save', { cardId, ...piece, hours: 'lots', codes: '', activityType: 'lunch', r_what: 'x'.repeat(2001) });
    const badText = cardText(bad.body?.value);
    expect(badText).toContain('Hours: give a number.');
    expect(badText).toContain('Areas of the Common Core: choose at least one.');
    expect(badText).toContain('Kind of learning: "lunch" is not one of the choices.');
    const tooLong = await stack.act(priya, 'cpd.save', { cardId, ...piece, r_what: 'x'.repeat(2001) });
    expect(cardText(tooLong.body?.value)).toContain('What? can be at most 2000 characters.');
    const notMine = await stack.act(priya, 'cpd.save', { cardId, ...piece, needIds: '00000000-0000-4000-8000-000000000000' });
    expect(cardText(notMine.body?.value)).toContain('Needs in your plan: choose from the list.');
    expect(await stack.rt.cpd.listFor(stack.tenantId, priya.aadObjectId)).toEqual([]);
  });

  it('warns when a reflection seems to identify a child, lets them edit or confirm, and never logs what it found', async () => {
    const identifying = { ...piece, r_what: 'Visited Jake Smith (12) at 14 Acacia Avenue about case ref CP-204417.' };
    const { cardId, res } = await logCpd(priya, identifying);
    const text = cardText(res.body?.value);
    expect(text).toContain('This may identify a child or family');
    expect(text).toContain('"Jake Smith (12)" looks like a name and an age.');
    expect(text).toContain('looks like a street address.');
    expect(text).toContain('looks like a case or reference number.');
    expect(JSON.stringify(res.body?.value)).toContain('confirmNotIdentifying');
    expect(await stack.rt.cpd.listFor(stack.tenantId, priya.aadObjectId)).toEqual([]);

    // Edited out: saves.
    const edited = await stack.act(priya, 'cpd.save', { cardId, ...piece, r_what: 'Visited a 12-year-old at home with the school nurse.' });
    expect(cardText(edited.body?.value)).toContain('Saved to your CPD record');

    // Or, on another card, they confirm it identifies nobody: saves as written.
    const again = await logCpd(priya, { ...piece, r_what: 'Read Munro (2011) on reflective practice, chapter 5.' });
    expect(cardText(again.res.body?.value)).toContain('Saved to your CPD record');
    const flagged = await logCpd(priya, { ...piece, r_what: 'Training at 10 Downing Street on policy.' });
    expect(cardText(flagged.res.body?.value)).toContain('This may identify a child or family');
    const confirmed = await stack.act(priya, 'cpd.save', { cardId: flagged.cardId, ...piece, r_what: 'Training at 10 Downing Street on policy.', confirmNotIdentifying: 'true' });
    expect(cardText(confirmed.body?.value)).toContain('Saved to your CPD record');
    expect(await stack.rt.cpd.listFor(stack.tenantId, priya.aadObjectId)).toHaveLength(3);

    const logged = JSON.stringify(stack.logs);
    for (const secret of ['Jake', 'Acacia', 'CP-204417', 'Downing']) expect(logged).not.toContain(secret);
    expect(stack.logs.some((l) => l.event === 'cpd.identifying_warning')).toBe(true);
  });

  it('switches reflection model to Gibbs or Kolb, carrying what was written', async () => {
    const { cards } = await stack.message(priya, 'log cpd');
    const cardId = cardIdIn(cards[0]);
    expect(cardText(cards[0])).toContain('Reflection: What? So what? Now what?');
    const gibbs = await stack.act(priya, 'cpd.model', { cardId, model: 'gibbs', title: piece.title, r_what: 'First thoughts', r_soWhat: 'More' });
    const text = cardText(gibbs.body?.value);
    expect(text).toContain("Reflection: Gibbs' reflective cycle");
    expect(text).toContain('Feelings: what you thought and felt');
    const card = JSON.stringify(gibbs.body?.value);
    expect(card).toMatch(/"id":"r_description"[^}]*"value":"First thoughts"/);
    expect(card).toMatch(/"id":"r_feelings"[^}]*"value":"More"/);
    const tooLong = await stack.act(priya, 'cpd.model', { cardId, model: 'what', r_description: 'a'.repeat(1500), r_evaluation: 'b', r_analysis: 'c'.repeat(50), r_conclusion: 'd'.repeat(1990) });
    expect(cardText(tooLong.body?.value)).toContain("Your reflection won't fit What? So what? Now what?'s boxes");
    expect(JSON.stringify(tooLong.body?.value)).toContain('d'.repeat(1990));
    expect(JSON.stringify(gibbs.body?.value)).toContain(piece.title);

    const saved = await stack.act(priya, 'cpd.save', { cardId, ...piece, r_what: '', r_soWhat: '', r_nowWhat: '', r_description: 'A drop-in', r_feelings: 'Nervous', r_actionPlan: 'Call first' });
    expect(cardText(saved.body?.value)).toContain('Saved to your CPD record');
    const [record] = await stack.rt.cpd.listFor(stack.tenantId, priya.aadObjectId);
    expect(record).toMatchObject({ reflectionModel: 'gibbs', reflection: { description: 'A drop-in', feelings: 'Nervous', actionPlan: 'Call first' } });
  });

  it('moves the plan needs a piece of learning meets into progress', async () => {
    const { cards } = await stack.message(priya, 'add need');
    await stack.act(priya, 'need.add', { cardId: cardIdIn(cards[0]), areas: 'CC5', description: 'Understand health colleagues', priority: 'medium' });
    const [need] = await stack.rt.needs.listFor(stack.tenantId, priya.aadObjectId);
    const { cards: logCards } = await stack.message(priya, 'log cpd');
    expect(cardText(logCards[0])).toContain('CC5 Multi-agency working: Understand health colleagues');
    await stack.act(priya, 'cpd.save', { cardId: cardIdIn(logCards[0]), ...piece, needIds: need!.needId });
    expect((await stack.rt.needs.get(stack.tenantId, priya.aadObjectId, need!.needId))?.status).toBe('in_progress');
  });

  it('shows registration readiness for each regulator', async () => {
    await logCpd(priya, piece);
    const swe = cardText((await stack.message(priya, 'my cpd')).cards[0]);
    expect(swe).toContain('1 thing still to do. Renewal is open until 30 November 2026.');
    expect(swe).toContain('Shadowed the school nursing team at a drop-in');
    expect(swe).toContain('Work shadowing · 3 hours (3 with others) · CC5, CC1 · reflection · peer reflection (School nurse)');

    const none = cardText((await stack.message(eve, 'my cpd')).cards[0]);
    expect(none).toContain('Not registered with a regulator');

    const hcpc = cardText((await stack.message(omar, 'my cpd')).cards[0]);
    expect(hcpc).toContain('Health and Care Professions Council, registration cycle 1 June 2025 to 31 May 2027');
    expect(hcpc).toMatch(/Nothing recorded from 1 June 2025 to 23 November 2026/);

    // NMC counts from the registrant's own revalidation date, which they add in their profile.
    const nmc = cardText((await stack.message(hana, 'my cpd')).cards[0]);
    expect(nmc).toContain('Add your NMC revalidation date to your profile');
    const profile = (await stack.message(hana, 'profile')).cards[0];
    expect(JSON.stringify(profile)).toContain('revalidationDate');
    await stack.act(hana, 'profile.save', { cardId: cardIdIn(profile), preferredName: '', supervisorEmail: '', workingDays: '1,2,3,4,5', revalidationDate: '2027-01-31' });
    const dated = cardText((await stack.message(hana, 'my cpd')).cards[0]);
    expect(dated).toContain('Nursing and Midwifery Council, revalidation period 1 February 2024 to 31 January 2027');
    expect(dated).toContain('Hours of CPD');
    expect(dated).toContain('Renewal is open until 31 January 2027.');
  });

  it('exports only the person\'s own record as Markdown and CSV, from a link that expires', async () => {
    await logCpd(priya, { ...piece, title: '=HYPERLINK("http://evil.example")', r_what: '# Not a heading\n- nor a list\n~~~\n    not code\n1) not a list' });
    await logCpd(eve, { ...piece, title: "Eve's own learning", peerName: '', peerProfession: '', peerReflection: '' });
    const { cards } = await stack.message(priya, 'export cpd');
    const urls = ((cards[0]!.actions ?? []) as { type: string; url?: string }[]).filter((a) => a.type === 'Action.OpenUrl').map((a) => a.url!);
    expect(urls).toHaveLength(2);
    const md = urls.find((u) => u.endsWith('.md'))!;
    expect(md.startsWith(`${stack.config.publicUrl}/api/exports/`)).toBe(true);

    const local = (u: string) => u.replace(stack.config.publicUrl, stack.host.url);
    const mdRes = await fetch(local(md));
    expect(mdRes.status).toBe(200);
    expect(mdRes.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(mdRes.headers.get('content-disposition')).toBe('attachment; filename="cpd-record-priya-shah-2026-11-23.md"');
    expect(mdRes.headers.get('cache-control')).toBe('no-store');
    const doc = await mdRes.text();
    expect(doc).toContain('# CPD record: Priya Shah');
    expect(doc).toContain('Social Work England, registration year 1 December 2025 to 30 November 2026');
    expect(doc).toContain('### 20 November 2026: \\=HYPERLINK("http://evil.example")');
    expect(doc).toContain('\\# Not a heading  \n\\- nor a list  \n\\~\\~\\~  \nnot code  \n1\\) not a list');
    expect(doc).toContain('**Peer reflection: Hana Ali, School nurse**');
    expect(doc).not.toContain("Eve's own learning");

    const csvRes = await fetch(local(urls.find((u) => u.endsWith('.csv'))!));
    expect(csvRes.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const rows: Record<string, string>[] = parse(await csvRes.text(), { columns: true, bom: true });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ date: '2026-11-20', kind_of_learning: 'Work shadowing', hours: '3', peer_name: 'Hana Ali', peer_profession: 'School nurse' });
    expect(rows[0]!.title).toBe('\'=HYPERLINK("http://evil.example")');
    expect(rows[0]!.reflection).toContain('What? # Not a heading');

    // Someone else's guess, a malformed token, and the link after a day: the same refusal, nothing leaked.
    for (const bad of [md.replace(/exports\/[^/]+/, `exports/${'A'.repeat(43)}`), md.replace(/exports\/[^/]+/, 'exports/..%2F..'), md.replace('cpd-record.md', 'secrets.txt')]) {
      const res = await fetch(local(bad));
      expect(res.status, bad).toBe(404);
      expect(await res.text()).toContain('expired or is not valid');
    }
    clock.set('2026-11-24T10:00:01Z');
    expect((await fetch(local(md))).status).toBe(404);
  });

  it('reminds people short of their regulator in the renewal window, once a round, and not those who are ready', async () => {
    // Priya (SWE) has two pieces, one with a peer: ready. Omar (HCPC) is not in his window. Hana has no date. Dana is short.
    await logCpd(priya, piece);
    await logCpd(priya, { ...piece, title: 'Read about consent', activityType: 'reading_research', peerName: '', peerProfession: '', peerReflection: '' });
    for (const u of [dana, priya, omar, hana, eve]) stack.repliesTo(u);

    expect(await runRegistrationReminders(stack.rt)).toBe('1 short in a renewal window (each reminded once a round); 1 asked for their NMC revalidation date (once a quarter)');
    await stack.drainOutbox();
    const toDana = stack.repliesTo(dana).texts.join('\n');
    expect(toDana).toContain('Dana, your Social Work England renewal closes on 30 November 2026 — in 7 days.');
    expect(toDana).toContain('- Pieces of CPD with a reflection: ✗ 0 of 2 pieces');
    expect(stack.repliesTo(hana).texts.join(' ')).toContain('Type **profile** to add it.');
    for (const u of [priya, omar, eve]) expect(stack.repliesTo(u).texts).toEqual([]);

    // The same round again (later that day, or a retried run): nothing new.
    clock.set('2026-11-23T15:00:00Z');
    await runRegistrationReminders(stack.rt);
    await stack.drainOutbox();
    expect(stack.repliesTo(dana).texts).toEqual([]);
    expect(stack.repliesTo(hana).texts).toEqual([]);
    // A weekend: nothing at all.
    clock.set('2026-11-28T09:00:00Z');
    expect(await runRegistrationReminders(stack.rt)).toBe('not a working day');
  });
});
