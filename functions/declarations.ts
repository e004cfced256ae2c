// Every function Weave runs, declared once: name, trigger and handler. functions/index.ts registers
// this list with Azure Functions; functions/local/ serves the same list on a developer machine.
import type { HttpMethod, HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';
import { z } from 'zod';
import { deliver, giveUp } from '../app/messaging/delivery';
import { workItem } from '../app/messaging/work';
import { addTriggerNeeds, reportStuckWork } from '../jobs/triggerNeeds';
import { queueOfferInvites } from '../jobs/offerFanout';
import { downloadCpdRecord, downloadOfferEvent } from './downloads';
import { sweepOutbox } from '../jobs/outboxSweep';
import { runDigests } from '../jobs/digests';
import { runOfferReminders, runOfferUpkeep } from '../jobs/offers';
import { runMentorFollowUps } from '../jobs/mentorFollowUps';
import { runMentorMatching } from '../app/mentoring/matchingRun';
import { runRegistrationReminders } from '../jobs/registrationReminders';
import { runMandatoryReminders } from '../jobs/mandatoryReminders';
import { runSessionPrompts } from '../jobs/sessionPrompts';
import { runPulse } from '../jobs/pulse';
import { API_ROUTES } from '../api/routes';
import { devSignIn } from '../api/devSignIn';
import { serveApi, serveTab } from '../api/http';
import { PAGES } from '../pages';
import { renderPage } from '../pages/layout';
import type { Config } from '../core/config';
import type { FunctionHost } from './host';
import { QUEUES, poisonQueueName } from '../store/queues';

export interface HttpFunction {
  kind: 'http';
  name: string;
  /** Under /api/, as Azure Functions routes. */
  route: string;
  methods: HttpMethod[];
  handler(rt: FunctionHost, request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit>;
}

export interface TimerFunction {
  kind: 'timer';
  name: string;
  /** NCRONTAB, in the organisation's time zone (Europe/London by default); or read from configuration. */
  schedule: string | ((config: Config) => string);
  description: string;
  /** Does the job as of rt.clock.now(); returns a one-line summary. Must be safe to run twice. */
  run(rt: FunctionHost): Promise<string>;
}

export interface QueueFunction {
  kind: 'queue';
  name: string;
  /** Logical queue name; the storage prefix is added when registering. */
  queue: string;
  handler(rt: FunctionHost, message: unknown, context: InvocationContext): Promise<void>;
}

export type FunctionDeclaration = HttpFunction | TimerFunction | QueueFunction;

const outboxJob = z.object({ batch: z.string().min(1).max(400), recipientId: z.string().min(1).max(100), checkBack: z.boolean().optional() });

function parseOutboxJob(message: unknown) {
  const parsed = outboxJob.safeParse(message);
  if (!parsed.success) throw new Error('outbox message is not {batch, recipientId}');
  return parsed.data;
}

export const FUNCTIONS: readonly FunctionDeclaration[] = [
  {
    kind: 'http',
    name: 'messages',
    route: 'messages',
    methods: ['POST'],
    handler: (rt, request) => rt.messages(request),
  },
  {
    kind: 'http',
    name: 'health',
    route: 'health',
    methods: ['GET'],
    handler: (rt) => Promise.resolve({ status: 200, jsonBody: { status: 'ok', mode: rt.config.mode } }),
  },
  {
    kind: 'http',
    name: 'pages',
    route: 'pages/{name}',
    methods: ['GET'],
    handler: (_rt, request): Promise<HttpResponseInit> => {
      const page = Object.hasOwn(PAGES, request.params.name ?? '') ? PAGES[request.params.name!] : undefined;
      if (!page) return Promise.resolve({ status: 404, body: 'Not found', headers: { 'content-type': 'text/plain; charset=utf-8' } });
      return Promise.resolve({
        status: 200,
        body: renderPage(page),
        headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'", 'cache-control': 'public, max-age=3600' },
      });
    },
  },
  {
    kind: 'http',
    name: 'exports',
    route: 'exports/{token}/{file}',
    methods: ['GET'],
    handler: (rt, request) => downloadCpdRecord(rt, request.params.token, request.params.file),
  },
  {
    kind: 'http',
    name: 'offer-calendar',
    route: 'offers/{offerId}/event.ics',
    methods: ['GET'],
    handler: (rt, request) => downloadOfferEvent(rt, request.params.offerId),
  },
  {
    kind: 'http',
    name: 'tab',
    route: 'tab/{file?}',
    methods: ['GET'],
    handler: (rt, request) => serveTab(rt, request.params.file),
  },
  ...API_ROUTES.map((api): HttpFunction => ({
    kind: 'http',
    name: api.name,
    route: api.route,
    methods: [api.method],
    handler: (rt, request) => serveApi(rt, api, request),
  })),
  {
    kind: 'http',
    name: 'tab-dev-sign-in',
    route: 'tab/api/dev/sign-in',
    methods: ['GET', 'POST'],
    handler: (rt, request) => devSignIn(rt, request),
  },
  {
    kind: 'queue',
    name: 'outbox-deliver',
    queue: QUEUES.outbox,
    handler: async (rt, message, context) => {
      await deliver(rt, parseOutboxJob(message), { redelivered: Number(context.triggerMetadata?.dequeueCount ?? 1) > 1 });
    },
  },
  {
    kind: 'queue',
    name: 'work',
    queue: QUEUES.work,
    handler: async (rt, message) => {
      const item = workItem.safeParse(message);
      if (!item.success) {
        rt.log.error('work.unreadable');
        return; // a message nobody can read is dropped, not retried into the poison queue
      }
      if (item.data.kind === 'trigger-needs') await addTriggerNeeds(rt, item.data);
      else await queueOfferInvites(rt, item.data);
    },
  },
  {
    kind: 'queue',
    name: 'work-poison',
    queue: poisonQueueName(QUEUES.work),
    handler: async (rt, message) => {
      const item = workItem.safeParse(message);
      rt.log.error('work.poisoned', item.success ? { kind: item.data.kind } : {});
      if (item.success) await reportStuckWork(rt, item.data);
    },
  },
  {
    kind: 'queue',
    name: 'outbox-poison',
    queue: poisonQueueName(QUEUES.outbox),
    handler: async (rt, message) => {
      const job = outboxJob.safeParse(message);
      if (!job.success) {
        rt.log.error('outbox.poison_unreadable');
        return;
      }
      await giveUp(rt, job.data);
    },
  },
  {
    kind: 'timer',
    name: 'session-prompts',
    // Hourly, so everyone is prompted at the start of their own working day wherever they are:
    // 08:30 in Europe/London for most; the job checks each person's zone and working hours.
    schedule: '0 30 * * * *',
    description: 'Prepares people for supervision and appraisal: prompts, reminders, supervisor summaries',
    run: (rt) => runSessionPrompts(rt),
  },
  {
    kind: 'timer',
    name: 'registration-reminders',
    schedule: '0 0 9 * * 1-5',
    description: 'Tells people whose CPD record is short of what their regulator asks, from the start of the renewal window',
    run: (rt) => runRegistrationReminders(rt),
  },
  {
    kind: 'timer',
    name: 'pulse',
    // Hourly, like session-prompts, so each person gets it in their own working hours; the job checks the quarter's opening day.
    schedule: '0 40 * * * *',
    description: "Sends the quarter's integration pulse once to each person in their working hours, and one reminder",
    run: (rt) => runPulse(rt),
  },
  {
    kind: 'timer',
    name: 'mandatory-reminders',
    schedule: '0 0 9 * * 1-5',
    description: "Gives joiners their induction set as plan items, and reminds people of mandatory learning due soon or overdue (at most once a fortnight)",
    run: (rt) => runMandatoryReminders(rt),
  },
  {
    kind: 'timer',
    name: 'team-digests',
    schedule: (config) => config.digestSchedule,
    description: "Posts each linked team's training plan in its channel (totals only), managers' own digests, and monthly the organisation's plan to L&D",
    run: (rt) => runDigests(rt),
  },
  {
    kind: 'timer',
    name: 'mentor-matching',
    schedule: '0 0 7 * * 1',
    description: 'Matches everyone waiting for a mentor, coach or shadowing visit across professions, and proposes the pairs',
    run: async (rt) => (await runMentorMatching(rt)).summary,
  },
  {
    kind: 'timer',
    name: 'mentor-follow-ups',
    schedule: '0 30 9 * * 1-5',
    description: 'Reminds and releases unanswered mentoring proposals; sends check-ins at 4 and 12 weeks',
    run: (rt) => runMentorFollowUps(rt),
  },
  {
    kind: 'timer',
    name: 'offer-upkeep',
    schedule: '0 */5 * * * *',
    description: 'Starts scheduled offers, moves on places not confirmed in time, reports offers whose deliveries have all ended',
    run: (rt) => runOfferUpkeep(rt),
  },
  {
    kind: 'timer',
    name: 'offer-reminders',
    schedule: '0 0 9 * * 1-5',
    description: 'Reminds people with a place the working day before, with an add-to-calendar link',
    run: (rt) => runOfferReminders(rt),
  },
  {
    kind: 'timer',
    name: 'outbox-sweep',
    schedule: '0 */5 * * * *',
    description: 'Re-queues deliveries whose queue message was lost',
    run: (rt) => sweepOutbox(rt),
  },
];

export function scheduleOf(decl: TimerFunction, config: Config): string {
  return typeof decl.schedule === 'string' ? decl.schedule : decl.schedule(config);
}

export function timerFunctions(): TimerFunction[] {
  return FUNCTIONS.filter((f): f is TimerFunction => f.kind === 'timer');
}
