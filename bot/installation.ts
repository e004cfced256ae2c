// Weave arrives: in a person's personal scope (greet them, or help them introduce themselves), or
// in a team (record the team and its channels).
import { greetingCard } from '../cards/greeting';
import { firstName, hasRole, type Person } from '../core/people';
import type { Channel } from '../store/teamsInstalled';
import type { Asking, BotDeps, Replies, Turn } from './context';
import { issueOnboardingCard } from './flows/onboarding';
import { digestLinkFlow } from './flows/digests';
import { issueCard } from './flows/flow';
import { teamLedBy } from '../app/plans/rollup';
import { recordTeamInstall } from '../app/installation';

export function greetingFor(person: Person): Replies {
  const promises = [
    'Before each supervision and appraisal, send you a short card to prepare: what has gone well, what is hard, and what you want to learn.',
    'Keep your Learning Development Plan and CPD record in one place, ready for your registration renewal if you have one.',
    'Match you with mentors and shadowing hosts from other professions whose strengths fit what you want to learn.',
  ];
  if (hasRole(person, 'manager')) promises.push("Give you your team's training plan: privately with names for you, and anonymous in your team's channel.");
  if (hasRole(person, 'ld_admin')) promises.push('Let you broadcast learning offers to the right people and see who CPD is reaching, across every profession.');
  return [{
    card: greetingCard({
      title: `Welcome to Weave, ${firstName(person)}`,
      intro: 'Weave joins up supervision, appraisal and CPD for everyone in children\'s services — whatever your profession, qualified or not.',
      promises,
      privacy: 'Your answers and plan are seen only by you and your line manager. Channels only ever get anonymous team totals.',
      buttons: [{ title: 'What can I do?', command: 'help' }, { title: 'My profile', command: 'profile' }],
    }),
    summary: 'Welcome to Weave',
  }];
}

/**
 * How Weave hears it is in someone's 1:1 chat. Teams sends two events for one install, at once and
 * in either order: the installation, and Weave joining the chat. The Agents Playground sends both
 * again each time its page loads; Teams sends an upgrade to everyone when a new version is deployed.
 */
export type PersonalArrival = 'installed' | 'joined' | 'upgraded';

/** An event this soon after the install is the install's other event, not someone coming back. */
export const SAME_ARRIVAL_MS = 10_000;

const LEFT = "Hello. HR's roster says you have left, so Weave has nothing to show you. If that's wrong, please contact HR.";

/**
 * The first event of an install greets in full (or asks someone Weave does not know to introduce
 * themselves); an installation Weave already knows of is someone opening it again, greeted briefly
 * with what to type, from what is already stored.
 */
export async function onPersonalInstall({ deps, turn, person }: Asking, seen: { isNew: boolean; installedAt: string }, arrival: PersonalArrival): Promise<Replies> {
  if (seen.isNew) {
    deps.log.info('app.installed', { scope: 'personal', known: !!person });
    if (!person) return [await issueOnboardingCard(deps, turn)];
    if (person.status === 'left') return [{ text: LEFT }];
    return greetingFor(person);
  }
  const sinceInstall = deps.clock.now().getTime() - Date.parse(seen.installedAt);
  if (arrival !== 'installed' || sinceInstall < SAME_ARRIVAL_MS) return [];
  deps.log.info('app.reopened', { scope: 'personal', known: !!person });
  if (!person) return [{ text: "Welcome back. Weave doesn't know you yet: type **profile** to introduce yourself." }];
  if (person.status === 'left') return [{ text: LEFT }];
  return [{ text: `Welcome back, ${firstName(person)}. Type **help** to see what you can do, or **profile** for your record and settings.` }];
}

export async function onTeamInstall(deps: BotDeps, turn: Turn, channels: Channel[]): Promise<Replies> {
  if (!turn.team) return [];
  const isNew = await recordTeamInstall(deps, { tenantId: turn.tenantId, team: turn.team, serviceUrl: turn.conversation.serviceUrl, channels, by: turn.user.aadObjectId });
  if (!isNew) return [];
  const replies: Replies = [{
    text: `Thanks for adding Weave to ${turn.team.name || 'this team'}. In channels Weave only ever posts anonymous team totals — never anyone's name, needs or reflections. Chat with Weave 1:1 for your own development.`,
  }];
  // A manager adding Weave is offered their team's digest here; only they can say yes.
  const installer = await deps.people.get(turn.tenantId, turn.user.aadObjectId);
  const team = hasRole(installer, 'manager') ? teamLedBy(turn.user.aadObjectId, await deps.people.list(turn.tenantId)) : null;
  if (team) replies.push({ card: await issueCard(deps, digestLinkFlow, { tenantId: turn.tenantId, recipientId: turn.user.aadObjectId, context: { team }, ttlDays: 30 }), summary: 'Team digest' });
  return replies;
}
