// What each simulated person does, over and over, in bench:load: a cycle of requests to the real
// HTTP endpoints, each with the answer it should get. Weave's cycle mixes chat messages, card
// submits (Action.Execute invokes on that person's real issued cards) and plan views in the tab;
// the echo bot's is chat messages only.
import { cardAction, personalMessage, type ActivityOptions, type TestUser } from '../test/support/teams';
import type { LoadUser } from './weaveUnderLoad';

export type RequestKind = 'message' | 'card submit' | 'tab view';

export interface HttpCall {
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export interface Step {
  label: string;
  kind: RequestKind;
  /** Built just before it is sent: a fresh activity id and timestamp every time. */
  build(): HttpCall;
  /** Whether a 2xx answer is the one this request should get. */
  expected(body: string): boolean;
}

const JSON_HEADERS = { 'content-type': 'application/json' };
const post = (activity: object): HttpCall => ({ method: 'POST', path: '/api/messages', headers: JSON_HEADERS, body: JSON.stringify(activity) });
const isCard = (body: string) => body.includes('"type":"application/vnd.microsoft.card.adaptive"');

function message(user: TestUser, o: ActivityOptions, text: string): Step {
  // The reply goes to the connector; the HTTP answer to a message is an empty 200.
  return { label: `message "${text}"`, kind: 'message', build: () => post(personalMessage(user, text, o)), expected: (body) => body === '' };
}

/** Weave: four messages, three card submits and a tab view, in this order, starting at a different step for each person. */
export function weaveCycle(user: LoadUser, o: ActivityOptions, offset: number): Step[] {
  const fresh = [...user.freshAddNeedCardIds];
  let lastAddNeedCard = user.addNeedCardId;
  let needInProgress = false;
  const steps: Step[] = [
    message(user, o, 'help'),
    {
      label: 'GET tab/api/me', kind: 'tab view',
      build: () => ({ method: 'GET', path: '/api/tab/api/me', headers: { authorization: `Bearer ${user.token}` } }),
      expected: (body) => body.startsWith('{') && body.includes('"planYear"'),
    },
    message(user, o, 'add need'),
    {
      label: 'need.add, invalid (refused, card shown again)', kind: 'card submit',
      build: () => post(cardAction(user, 'need.add', { cardId: user.addNeedCardId, areas: '', description: '   ', priority: 'high', activityTypes: 'mentoring' }, o)),
      expected: (body) => isCard(body) && body.includes('choose at least one'),
    },
    {
      label: 'need.add, valid (a new need)', kind: 'card submit',
      build: () => {
        // Each valid submit answers a card of its own; with none left it would be refused as answered.
        lastAddNeedCard = fresh.shift() ?? lastAddNeedCard;
        return post(cardAction(user, 'need.add', {
          cardId: lastAddNeedCard, areas: 'CC3', subHeading: '', frameworkTag: '', description: 'Giving evidence in court', priority: 'medium',
          activityTypes: 'work_shadowing,mentoring', targetDate: '',
        }, o));
      },
      expected: (body) => isCard(body) && body.includes('Added to your plan'),
    },
    message(user, o, 'my plan'),
    {
      label: 'plan.update (need status)', kind: 'card submit',
      build: () => {
        needInProgress = !needInProgress;
        const id = user.needId;
        return post(cardAction(user, 'plan.update', {
          cardId: user.planCardId, needId: id, [`status_${id}`]: needInProgress ? 'in_progress' : 'open',
          [`planActivity_${id}`]: '', [`planNote_${id}`]: '', [`planDate_${id}`]: '', [`dropReason_${id}`]: '',
        }, o));
      },
      expected: (body) => isCard(body) && body.includes('Saved:'),
    },
    message(user, o, 'my cpd'),
  ];
  const start = offset % steps.length;
  return [...steps.slice(start), ...steps.slice(0, start)];
}

/** The echo bot: the same people, chat messages only. */
export function echoCycle(user: TestUser, o: ActivityOptions, offset: number): Step[] {
  const texts = ['help', 'add need', 'my plan', 'my cpd'];
  return texts.map((_, i) => message(user, o, texts[(i + offset) % texts.length]!));
}
