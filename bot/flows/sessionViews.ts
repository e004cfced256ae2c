// How a session and what someone wrote for it read on cards: the words on the prompt, and the
// answers as the person and their supervisor see them.
import { sessionAnswersCard, type AnswerSection } from '../../cards/sessionAnswers';
import { activityLabel } from '../../core/activities';
import { BARRIERS, type Barrier } from '../../core/appraisal';
import { formatDay, type IsoDate } from '../../core/calendar';
import { programmeFor, SESSION_LABELS, supervisionMinutes } from '../../core/cadence';
import { cadencePerson } from '../../core/sessionPlanning';
import { policyOn } from '../../core/cadencePolicy';
import { describeCode, COMMON_CORE } from '../../core/commonCore';
import type { AdaptiveCardJson } from '../../core/conversation';
import { firstName, nameOf, type Person } from '../../core/people';
import type { Session } from '../../core/sessions';
import type { LearningNeed } from '../../core/needs';
import type { BotDeps } from '../context';
import { times } from '../../core/words';

export function when(session: Pick<Session, 'date' | 'time'>, today: IsoDate): string {
  return `${formatDay(session.date, today)}${session.time ? ` at ${session.time}` : ''}`;
}

/** "supervision with Dana Hughes on Tuesday 29 December at 10:00" */
export function describeSession(session: Pick<Session, 'kind' | 'date' | 'time'>, supervisor: Person | undefined, today: IsoDate): string {
  const label = SESSION_LABELS[session.kind];
  return `${label[0]!.toUpperCase()}${label.slice(1)}${supervisor ? ` with ${nameOf(supervisor)}` : ''} on ${when(session, today)}`;
}

export function promptSubtitle(deps: BotDeps, session: Session, person: Person, supervisor: Person | undefined): string {
  const who = supervisor ? firstName(supervisor) : 'your supervisor';
  // Needs named here join the plan, which the line manager reads even when someone else supervises.
  const plan = !supervisor || supervisor.aadObjectId === person.managerId
    ? 'the learning you name also goes into your plan'
    : 'the learning you name also goes into your plan, which your line manager sees too';
  const privacy = `Only you and ${who} see your answers (${plan}); you can change them until the day.`;
  // An early career programme, as the policy in force on the day names it and its standards.
  const programme = programmeFor(deps.policy, cadencePerson(person), session.date);
  const part = programme ? `Part of ${programme.name}, working to ${programme.standards}. ` : '';
  if (session.kind !== 'supervision') return `${part}${privacy}`;
  const minutes = supervisionMinutes(policyOn(deps.policy, session.date), person);
  return `At least ${minutes} minutes, uninterrupted. ${part}${privacy}`;
}


const WELLBEING = { good: 'Good', ok: 'OK', struggling: 'Struggling' } as const;
const SCALE = { 1: 'not yet', 2: 'developing', 3: 'secure', 4: 'a strength' } as const;
const REVIEW = { met: 'met', continue: 'still working on it', drop: 'no longer needed' } as const;

export function needLines(answers: Record<string, string>, slots: readonly string[]): string[] {
  return slots
    .filter((s) => answers[`${s}Text`])
    .map((s) => {
      const activity = answers[`${s}Activity`] ? ` (would like: ${activityLabel(answers[`${s}Activity`]!)})` : '';
      return `${describeCode(answers[`${s}Area`] ?? '')}: ${answers[`${s}Text`]}${activity}`;
    });
}

/** A plan need as the appraisal review names it. */
export interface ReviewedNeed {
  id: string;
  label: string;
}

export function reviewLabels(needs: readonly Pick<LearningNeed, 'needId' | 'description'>[]): ReviewedNeed[] {
  return needs.map((n) => ({ id: n.needId, label: n.description }));
}

/** The answers as sections; `voice` is who reads them: the person themself, or their supervisor. */
export function answerSections(session: Session, review: readonly ReviewedNeed[], voice: 'you' | 'they'): AnswerSection[] {
  const a = session.answers ?? {};
  const they = voice === 'they';
  const wellbeing = a.wellbeing ? [`${WELLBEING[a.wellbeing as keyof typeof WELLBEING] ?? a.wellbeing}${a.wellbeingNote ? `: ${a.wellbeingNote}` : ''}`] : a.wellbeingNote ? [a.wellbeingNote] : [];
  if (session.kind === 'supervision') {
    return [
      { heading: 'What has gone well', paragraphs: a.wentWell ? [a.wentWell] : [] },
      { heading: 'What?', paragraphs: a.what ? [a.what] : [] },
      { heading: 'So what?', paragraphs: a.soWhat ? [a.soWhat] : [] },
      { heading: 'Now what?', paragraphs: a.nowWhat ? [a.nowWhat] : [] },
      { heading: they ? 'Learning they would like' : 'Learning you would like', paragraphs: needLines(a, ['need1', 'need2']) },
      { heading: they ? 'How they are' : 'How you are', paragraphs: wellbeing },
    ];
  }
  return [
    {
      heading: 'Against the Common Core',
      paragraphs: COMMON_CORE.filter((area) => a[`sa_${area.code}`]).map((area) => {
        const score = a[`sa_${area.code}`]!;
        return `${area.code} ${area.short}: ${score}, ${SCALE[Number(score) as keyof typeof SCALE] ?? ''}${a[`ev_${area.code}`] ? `. ${a[`ev_${area.code}`]}` : ''}`;
      }),
    },
    {
      heading: they ? 'Their plan' : 'Your plan',
      paragraphs: review.map((n) => a[`review_${n.id}`] ? `${n.label}: ${REVIEW[a[`review_${n.id}`] as keyof typeof REVIEW] ?? ''}` : '').filter(Boolean),
    },
    { heading: they ? 'Learning they would like' : 'Learning you would like', paragraphs: needLines(a, ['need1', 'need2', 'need3']) },
    { heading: 'What people who use services said', paragraphs: a.feedback ? [a.feedback] : [] },
    {
      heading: they ? 'What got in the way of their learning' : 'What got in the way of your learning',
      paragraphs: a.barriers || a.barrierNote
        ? [[a.barriers?.split(',').map((b) => BARRIERS[b as Barrier] ?? b).join(', '), a.barrierNote].filter(Boolean).join(': ')]
        : [],
    },
    { heading: they ? 'How they are' : 'How you are', paragraphs: wellbeing },
  ];
}

function snoozeLine(session: Session): string {
  if (session.snoozes.length === 0) return '';
  const reasons = session.snoozes.map((s) => s.reason).filter(Boolean);
  return ` Snoozed ${times(session.snoozes.length)}${reasons.length ? ` (${reasons.join('; ')})` : ''}.`;
}

/** The person's own view of what they sent, with Edit until the day. */
export function ownAnswersCard(session: Session, supervisor: Person | undefined, edit: { cardId: string; verb: string } | null, review: readonly ReviewedNeed[], today: IsoDate): AdaptiveCardJson {
  return sessionAnswersCard({
    eyebrow: 'Your preparation',
    title: describeSession(session, supervisor, today),
    status: supervisor
      ? `Sent to ${nameOf(supervisor)}.`
      : "Saved. Weave doesn't know your supervisor or line manager yet, so nobody else has seen it: tell HR, or name a professional supervisor in your profile.",
    tone: 'good',
    sections: answerSections(session, review, 'you'),
    footer: edit ? 'You can change your answers until the day of the session.' : 'The session has taken place, so these can no longer be changed.',
    edit,
  });
}

/** What the supervisor gets before the session: the answers, or that there are none yet. */
export function supervisorSummaryCard(session: Session, person: Person, review: readonly ReviewedNeed[], reachable: boolean, today: IsoDate): AdaptiveCardJson {
  const prepared = !!session.answeredAt;
  const label = SESSION_LABELS[session.kind];
  return sessionAnswersCard({
    eyebrow: `Before your ${label}`,
    title: `${nameOf(person)}: ${label} on ${when(session, today)}`,
    status: prepared
      ? `${firstName(person)} has prepared.${snoozeLine(session)}`
      : reachable
        ? `Not yet prepared.${snoozeLine(session)} Weave has asked ${firstName(person)} and will send you their answers if they arrive before the session.`
        : `Not yet prepared: Weave could not reach ${firstName(person)} in Teams (they may not have Weave installed), so they have not been asked.`,
    tone: prepared ? 'default' : 'attention',
    sections: prepared ? answerSections(session, review, 'they') : [],
    footer: `Only you can see this. ${firstName(person)} wrote it for your ${label}.`,
    edit: null,
  });
}
