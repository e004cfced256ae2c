// Every card template, filled by its builder, is a card Teams can render.
import { describe, expect, it } from 'vitest';
import { EMPTY_ABOUT_YOU } from '../../cards/fragments';
import { greetingCard } from '../../cards/greeting';
import { helpCard } from '../../cards/help';
import { joinerConfirmCard } from '../../cards/joinerConfirm';
import { noticeCard } from '../../cards/notice';
import { onboardingCard } from '../../cards/onboarding';
import { profileCard } from '../../cards/profile';
import { expand } from '../../cards/render';
import { addNeedCard } from '../../cards/addNeed';
import { EMPTY_CPD_VALUES, logCpdCard } from '../../cards/logCpd';
import { myCpdCard } from '../../cards/myCpd';
import { planCard } from '../../cards/plan';
import { managerDigestCard, orgPlanCard, teamDigestCard } from '../../cards/plans';
import { newTriggerCard } from '../../cards/trigger';
import { offerComposeCard, offerEvaluationCard, offerInviteCard, offerProgressCard } from '../../cards/offers';
import { mentorCheckInCard, mentorOfferCard, mentorProposalCard, mentorRequestCard } from '../../cards/mentoring';
import { planAgreementCard, planConfirmCard, sessionOutcomeCard, sessionRecordCard } from '../../cards/afterSession';
import { pulseCard } from '../../cards/pulse';
import { qualificationConfirmCard, qualificationsCard } from '../../cards/qualifications';
import { pathwayCard } from '../../cards/pathway';
import { cardProblems, cardText } from '../support/cards';

const cardId = '11111111-2222-4333-8444-555555555555';

describe('card templates', () => {
  const cards = {
    help: helpCard({ title: 'What you can do', intro: 'Type these', sections: [{ heading: 'Getting started', commands: [{ name: 'help', summary: 'This' }] }], footer: 'Private', buttons: [{ title: 'My profile', command: 'profile' }] }),
    greeting: greetingCard({ title: 'Welcome', intro: 'Hi', promises: ['One', 'Two'], privacy: 'Private', buttons: [] }),
    notice: noticeCard({ title: 'Done', lines: ['Saved'], facts: [{ title: 'A', value: 'B' }], tone: 'good' }),
    onboardingEmpty: onboardingCard({ cardId, firstName: 'Jo', values: EMPTY_ABOUT_YOU, teams: ['PaCT', 'MASH'], errors: [] }),
    onboardingErrors: onboardingCard({ cardId, firstName: 'Jo', values: { ...EMPTY_ABOUT_YOU, team: 'Somewhere new' }, teams: [], errors: ['One', 'Two'] }),
    profileRostered: profileCard({ cardId, name: 'Priya', status: 'On the roster', facts: [{ title: 'Email', value: 'p@x' }], aboutYou: null, settings: { preferredName: '', supervisorEmail: '', workingDays: '1,2,3,4,5', revalidationDate: '2027-05-31' }, nmc: true, errors: [], savedNote: 'Saved.' }),
    profileSelf: profileCard({ cardId, name: 'Jo', status: 'Waiting', facts: [], aboutYou: { values: EMPTY_ABOUT_YOU, teams: ['PaCT'] }, settings: { preferredName: 'J', supervisorEmail: '', workingDays: '1', revalidationDate: '' }, nmc: false, errors: ['Fix'], savedNote: '' }),
    addNeed: addNeedCard({ cardId, values: { areas: 'CC3', subHeading: 'CC3.S2', frameworkTag: '', description: 'Court', priority: 'high', activityTypes: 'mentoring', targetDate: '' }, errors: ['Fix'], today: '2026-11-23' }),
    planOwn: planCard({
      cardId, title: 'Your plan', subtitle: 'Only you', note: 'Saved', errors: [], mode: 'own', picker: null, footer: '', buttons: [{ title: 'Add a need', command: 'add need' }],
      excerpt: '',
      teamPriorities: { heading: "PaCT's priorities for 2026–27", lines: ['Touches your learning: CC3 Safeguarding, by Summer 2027. Two reviews named it.'] },
      groups: [{ heading: 'Open (1)', more: '', needs: [{ needId: 'n1', codes: 'CC3', description: 'Court', lines: ['High priority'], comments: ['Dana: good'], earlierComments: '', status: 'open', planActivity: '', planNote: '', planDate: '', dropReason: '', comment: '' }] }],
    }),
    planOwnCut: planCard({
      cardId, title: 'Your plan', subtitle: 'Only you', note: null, errors: [], mode: 'own', picker: null, footer: '', buttons: [],
      excerpt: 'Showing the 1 most pressing of your 3 needs.',
      groups: [
        { heading: 'Open (2)', more: '1 more not shown here.', needs: [{ needId: 'n1', codes: 'CC3', description: 'Court', lines: [], comments: ['Dana: good'], earlierComments: '3 earlier comments', status: 'open', planActivity: '', planNote: '', planDate: '', dropReason: '', comment: '' }] },
        { heading: 'Met (1)', more: '1 not shown here.', needs: [] },
      ],
    }),
    planManagerPicking: planCard({ cardId, title: 'Plans', subtitle: 'Choose', note: null, errors: [], mode: 'manager', picker: { reports: [{ id: 'p1', label: 'Priya' }], selected: '' }, footer: '', buttons: [], groups: [], excerpt: '' }),
    logCpd: logCpdCard({ cardId, model: 'kolb', values: { ...EMPTY_CPD_VALUES, hours: '2' }, reflection: { experience: 'x' }, needs: [{ id: 'n1', label: 'CC3: Court' }], errors: [], warnings: ['"Jake (12)" looks like a name and an age.'], nmc: true, today: '2026-11-23' }),
    myCpd: myCpdCard({ title: 'Your CPD', period: 'SWE', headline: '1 thing', tone: 'attention', checks: [{ title: 'Pieces', value: '1 of 2' }], mandatory: [{ title: 'Safeguarding refresher', value: 'Due soon: by 3 March 2027' }], notes: ['Renewal opens'], records: [{ date: '20 November 2026', title: 'Shadowing', detail: 'Work shadowing · 3 hours' }], empty: '' }),
    myCpdNone: myCpdCard({ title: 'Your CPD', period: 'Not registered', headline: 'None', tone: 'default', checks: [], mandatory: [], notes: [], records: [], empty: 'Nothing yet' }),
    noticeWithLinks: noticeCard({ title: 'Export', lines: ['Here'], links: [{ title: 'Markdown', url: 'https://weave.example/api/exports/x/cpd-record.md' }], buttons: [{ title: 'My CPD', command: 'my cpd' }] }),
    mentorOffer: mentorOfferCard({ cardId, values: { strengths: 'CC3,CC3.S2', strengthsText: '', kinds: 'mentoring', capacity: '2', availability: 'mon-am', locality: 'North', pausedUntil: '' }, localities: ['North'], existing: true, errors: [], note: 'Saved', today: '2026-11-23' }),
    mentorRequest: mentorRequestCard({ cardId, values: { needIds: 'n1', kind: 'mentoring', preferProfession: '', locality: '', availability: '' }, needs: [{ id: 'n1', label: 'CC3: Court' }], localities: [], existing: false, errors: ['Fix'], note: '' }),
    mentorProposal: mentorProposalCard({ cardId, eyebrow: 'Mentoring', title: 'Would you mentor Priya?', facts: [{ title: 'Who', value: 'Priya' }], reasons: ['strength in CC3'], footer: 'Reply', errors: [], reason: '', notice: { heading: 'Reminder', text: 'Please answer' } }),
    mentorCheckIn: mentorCheckInCard({ cardId, eyebrow: '4 weeks', title: 'How is it going?', answered: false, met: '', useful: '', footer: 'Thanks', errors: [], note: '' }),
    mentorCheckInAnswered: mentorCheckInCard({ cardId, eyebrow: '4 weeks', title: 'How is it going?', answered: true, met: 'yes', useful: 'very', footer: 'Thanks', errors: [], note: 'Noted' }),
    teamDigest: teamDigestCard({
      team: 'PaCT', tooSmall: false, subHeadings: ['CC3.S2 Communication (4)'], offers: ['Court skills: bite-size workshop, 10 December 2026'], headline: '8 of 11 people have open learning needs.', chart: [{ label: 'CC3', value: 6 }], table: [{ label: 'CC3 Safeguarding', value: '6' }, { label: 'CC6 Information sharing', value: 'fewer than 3' }],
      activities: ['Mentoring (4)'], trend: 'About the same as last week.', supervision: 'Prepared for 8 of 11.', appraisal: 'Appraisal: all 11.', mentoring: 'In pairs: 3.', triggers: null,
      suggestions: ['6 of 11 need CC3 Safeguarding: try mentoring.'], eyebrow: 'Week of 23 November 2026', threshold: 3,
      agreed: { heading: 'Agreed priorities for 2026–27', lines: ['CC3 Safeguarding, by Summer 2027: two serious case reviews named it.'] },
    }),
    teamDigestSmall: teamDigestCard({ team: 'Tiny', tooSmall: true, subHeadings: [], offers: [], headline: '', chart: [], table: [], activities: [], trend: '', supervision: '', appraisal: '', mentoring: '', triggers: null, suggestions: [], eyebrow: 'Week', threshold: 3 }),
    teamDigestEmpty: teamDigestCard({ team: 'New team', tooSmall: false, subHeadings: [], offers: [], headline: 'none yet', chart: [], table: [], activities: [], trend: 'First', supervision: 'None due', appraisal: 'too few', mentoring: '0', triggers: 'Triggers: CC6', suggestions: [], eyebrow: 'Week', threshold: 3 }),
    managerDigest: managerDigestCard({ eyebrow: 'Week', title: 'Your team', summary: '1 of 2', people: [{ name: 'Priya', role: 'Social Worker', lines: ['Need: CC3'] }], footer: 'Only you' }),
    orgPlan: orgPlanCard({
      cardId, eyebrow: 'Today', summary: '8 staff', chart: [{ label: 'CC3', value: 5 }], priorities: [{ code: 'CC3', heading: 'CC3: priority 5', lines: ['4 people'] }], equity: [{ heading: 'By profession', rows: [{ title: 'Social worker', value: '50% of staff' }] }], equityNote: 'Shares', mentoring: 'Mentoring', footer: 'For L&D',
      year: { heading: "This year's plan, 2026–27", lines: ['Teams: 3 of 9 teams have agreed', 'Budget: £40,000.00'] },
      benchmark: { heading: 'Workforce benchmark', note: 'How 40 people rated themselves', chart: [{ label: 'CC3', value: 2.8 }], rows: [{ title: 'CC3', value: '2.8 (last year 2.6)' }] },
      downloadUrl: 'https://teams.microsoft.com/l/entity/x/weave', note: '',
    }),
    orgPlanNoBenchmark: orgPlanCard({
      cardId, eyebrow: 'Today', summary: '8 staff', chart: [], priorities: [], equity: [], equityNote: 'Shares', mentoring: 'Mentoring', footer: 'For L&D',
      year: { heading: 'This year', lines: [] }, benchmark: { heading: 'Benchmark', note: 'Not enough', chart: [], rows: [] }, downloadUrl: 'https://weave.example/api/tab/#/org', note: 'Saved',
    }),
    newTrigger: newTriggerCard({ cardId, values: { source: '', summary: '', codes: '', teams: '', professions: '', dueDate: '', createNeeds: 'false' }, teams: ['PaCT'], errors: [], today: '2026-11-23' }),
    newTriggerNoTeams: newTriggerCard({ cardId, values: { source: 'complaint', summary: 'x', codes: 'CC1', teams: '', professions: '', dueDate: '', createNeeds: 'true' }, teams: [], errors: ['Fix'], today: '2026-11-23' }),
    offerCompose: offerComposeCard({
      cardId, heading: 'New learning offer', teams: ['PaCT'], groups: [{ value: 'registration:unregistered', title: 'Staff not registered with a regulator' }], today: '2026-11-23', errors: [], note: '', preview: null,
      actions: [{ title: 'Preview', verb: 'offer.preview', style: 'positive' }],
      values: {
        title: '', description: '', format: 'briefing', date: '', time: '10:00', durationMinutes: '7', location: '', onlineUrl: '', capacity: '10', cpdHours: '0.25', closesOn: '', codes: '', professions: '', teams: '',
        registration: 'any', withNeed: 'false', allocation: 'first_come', reserveFor: '', reservePlaces: '', reserveUntil: '',
      },
    }),
    offerComposePreview: offerComposeCard({
      cardId, heading: 'Check before you send', teams: ['PaCT'], groups: [], today: '2026-11-23', errors: [], note: '',
      preview: { audienceLine: 'It goes to 40 people.', reach: ['If it fills first come…', 'By profession: Social worker 5 (42%) · Teacher not shown'], invite: { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'Court skills' }] } },
      actions: [{ title: 'Send now', verb: 'offer.send', style: 'positive' }, { title: 'Reserve 4 places for staff not registered with a regulator', verb: 'offer.reserve' }],
      values: {
        title: 'Court skills', description: 'x', format: 'briefing', date: '2026-12-01', time: '10:00', durationMinutes: '7', location: 'Hub', onlineUrl: '', capacity: '10', cpdHours: '0.25', closesOn: '2026-11-30', codes: 'CC1', professions: '', teams: '',
        registration: 'any', withNeed: 'false', allocation: 'reserved', reserveFor: 'registration:unregistered', reservePlaces: '4', reserveUntil: '2026-11-30',
      },
    }),
    offerEvaluation: offerEvaluationCard({ cardId, title: 'Court skills, 10 December 2026', why: 'Thirty seconds', open: true, errors: [], note: '' }),
    offerEvaluationDone: offerEvaluationCard({ cardId, title: 'Court skills', why: 'Thirty seconds', open: false, errors: ['Fix'], note: '' }),
    offerInvite: offerInviteCard({
      cardId, eyebrow: 'Learning offer', title: 'Court skills', description: 'For everyone', facts: [{ title: 'When', value: 'Thursday' }],
      state: { style: 'good', heading: 'You have a place', lines: ['Cancel if you cannot come.'] }, errors: [], buttons: [{ title: 'Cancel my place', verb: 'offer.cancel', style: 'destructive' }],
      links: [{ title: 'Add to calendar', url: 'https://weave.example/api/offers/x/event.ics' }], footer: 'Open to every profession',
    }),
    offerProgress: offerProgressCard({
      cardId, eyebrow: 'Offer', title: 'Court skills', status: 'Sending', delivery: [{ title: 'Sent', value: '3' }], reasons: ['Failed because: 500'],
      places: [{ title: 'Booked', value: '2 of 2' }], attendees: [{ id: 'p1', name: 'Priya' }], attended: [], note: 'Saved', errors: [], footer: 'Need before speed', withdrawable: true,
    }),
    qualifications: qualificationsCard({ cardId, held: [{ title: 'Level 6: BA Social Work (2019), professional', value: "from HR's roster" }], values: { level: '3', title: 'Early Years Educator', awardedOn: '2020-07-01', professional: 'false' }, errors: ['Fix'], note: 'Added', today: '2026-11-23' }),
    qualificationsNone: qualificationsCard({ cardId, held: [], values: { level: '', title: '', awardedOn: '', professional: 'false' }, errors: [], note: '', today: '2026-11-23' }),
    qualificationConfirm: qualificationConfirmCard({ cardId, name: 'Jo Reed', qualification: 'Level 5: Foundation degree in early years (2024)', facts: [{ title: 'Team', value: 'Early Years' }] }),
    pathway: pathwayCard({
      cardId, current: 'Where you are now: Early years practitioner (level 3).', aim: "Where you'd like to go: Early years teacher (EYTS)",
      facts: [{ title: 'Next step', value: 'Level 5 diploma (level 5)' }], leading: ['Observing two-year-olds'], roles: [{ value: 'teacher', label: 'Teacher (QTS)' }, { value: 'not_now', label: 'Not now' }],
      values: { target: 'early-years-teacher', share: 'false' }, errors: [], note: 'Saved', canAdd: true, addNote: 'Your line manager sees your plan.',
    }),
    pathwayNone: pathwayCard({ cardId, current: "Weave can't tell your role", aim: '', facts: [], leading: [], roles: [{ value: 'not_now', label: 'Not now' }], values: { target: '', share: 'false' }, errors: ['Choose'], note: '', canAdd: false, addNote: '' }),
    joinerConfirm: joinerConfirmCard({ cardId, name: 'Jo Reed', email: 'jo@x', facts: [{ title: 'Team', value: 'PaCT' }] }),
    orgPlanLoop: orgPlanCard({
      cardId, year: { heading: 'This year', lines: [] }, benchmark: { heading: 'Benchmark', note: 'Not enough', chart: [], rows: [] }, downloadUrl: 'https://weave.example/api/tab/#/org', note: '',
      eyebrow: 'Today', summary: '8 staff', chart: [], priorities: [], equity: [], equityNote: 'Shares', mentoring: 'Mentoring', footer: 'For L&D',
      supervisionNote: 'Held against policy', supervision: [{ heading: 'By team', rows: [{ title: 'PaCT', value: '7 people · 85%' }] }],
      barriersNote: 'What got in the way', barriers: [{ heading: 'Social worker (4 answered)', rows: [{ title: 'Time', value: 'all 4' }] }],
      turnoverNote: 'Who leaves', turnover: [{ heading: 'Turnover, by profession', rows: [{ title: 'Social worker', value: '24 people · 5 left (21%) · 3.1 CPD records and 0.8 places a head' }] }],
      pathwaysNote: 'Career pathways', pathways: [{ heading: 'Aspirations, by profession', rows: [{ title: 'Early years practitioner', value: '6 people · aiming 3 · not now not shown · not said not shown · moved on 0' }] }],
      mandatoryNote: 'Mandatory learning', mandatory: [{ heading: 'Safeguarding refresher, by profession', rows: [{ title: 'Social worker', value: '12 people · up to date 9 · due soon not shown · overdue not shown' }] }],
    }),
    sessionOutcome: sessionOutcomeCard({
      cardId, eyebrow: 'After supervision', title: 'Priya Shah: supervision on Friday 4 December', subtitle: 'Did it happen?', errors: [], warnings: ['"Jake (12)" looks like a name and an age.'],
      note: { heading: 'Reminder', text: 'Did it happen?' }, actions: [1, 2, 3].map((n) => ({ n, text: n === 1 ? 'Read the guide' : '', owner: 'person', due: '', area: '' })),
      owners: [{ code: 'person', label: 'Priya' }, { code: 'supervisor', label: 'You' }, { code: 'both', label: 'Both of you' }], actionsNote: 'Up to three', footer: 'Keep it anonymous', today: '2026-12-07', minDate: '2026-12-04',
    }),
    sessionRecord: sessionRecordCard({ cardId, eyebrow: 'Supervision held', title: 'Supervision with Dana', note: '', errors: [], actions: ['• Read the guide (you, by Friday)'], cpd: 'Log it', canLog: true, peer: { title: 'Peer', label: 'What Dana reflected' }, footer: 'Only you' }),
    sessionRecordLogged: sessionRecordCard({ cardId, eyebrow: 'Supervision held', title: 'Supervision with Dana', note: 'Logged', errors: [], actions: [], cpd: 'In your record', canLog: false, peer: null, footer: 'Only you' }),
    planAgreement: planAgreementCard({
      cardId, eyebrow: 'After the appraisal', title: "Priya's plan", subtitle: 'Agree each', errors: [], warnings: [], empty: 'None',
      needs: [{ needId: 'n1', codes: 'CC6 Information sharing', description: 'Schools', detail: 'from appraisal', decision: '', comment: '' }], footer: 'Only', submitTitle: 'Send to Priya to agree',
    }),
    pulseOpen: pulseCard({
      cardId, eyebrow: 'Integration pulse, October to December 2026', title: 'How well do the professions work together?', intro: 'Four statements', open: true, notNow: false,
      statements: { understand: 'I understand the roles of others.', contact: 'I know who to contact.', valued: 'Others value my profession.', learned: 'I learned something.' },
      values: { understand: '4' }, errors: ['Statement 2: choose one.'], note: '', footer: 'Anonymous',
    }),
    pulseReminded: pulseCard({
      cardId, eyebrow: 'Integration pulse', title: 'How well?', intro: 'Four', open: true, notNow: true,
      statements: { understand: 'I understand the roles of others.', contact: 'I know who to contact.', valued: 'Others value my profession.', learned: 'I learned something.' },
      values: {}, errors: [], note: '', notice: { heading: 'Reminder', text: 'Four taps' }, footer: 'Anonymous',
    }),
    pulseAnswered: pulseCard({
      cardId, eyebrow: 'Integration pulse', title: 'Thank you', intro: 'Four', open: false, notNow: false,
      statements: { understand: 'I understand the roles of others.', contact: 'I know who to contact.', valued: 'Others value my profession.', learned: 'I learned something.' },
      values: {}, errors: [], note: '', footer: 'Stored without your name',
    }),
    planConfirm: planConfirmCard({ cardId, eyebrow: 'Your plan', title: 'Plan', subtitle: 'Dana agreed 1', note: '', errors: [], items: [{ codes: 'CC6', description: 'Schools', view: 'Dana agreed' }], canAgree: true, footer: 'Only you' }),
  };

  for (const [name, card] of Object.entries(cards)) {
    it(`${name} renders without problems`, () => {
      expect(cardProblems(card)).toEqual([]);
    });
  }

  it('shows text people typed literally, never as template expressions', () => {
    const card = noticeCard({ title: '${title}', lines: ['${1+1} and ${$root}'] });
    expect(cardText(card)).toContain('${title}');
    expect(cardText(card)).toContain('${1+1} and ${$root}');
  });

  it('refuses to render a template its builder did not fully fill', () => {
    expect(() => expand({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: '${missing}' }] }, {})).toThrow(/missing/);
  });

  it('keeps the card id as the only data an action carries', () => {
    const actions = (cards.profileRostered.actions ?? []) as { data?: Record<string, unknown> }[];
    expect(actions.map((a) => Object.keys(a.data ?? {}))).toEqual([['cardId']]);
  });
});

describe('text people typed, in Markdown fields', () => {
  it('cannot become a link', async () => {
    const { plain } = await import('../../core/text');
    expect(plain('[Reset your password](https://evil.example)')).toBe('[Reset your password]\u200b(https://evil.example)');
    expect(plain("Siobhán O'Neill (PaCT)")).toBe("Siobhán O'Neill (PaCT)");
  });
});
