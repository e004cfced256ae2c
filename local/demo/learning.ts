// The demo organisation's recent history, so that what a newcomer opens — `my plan`, `my cpd`,
// `team status`, `team plan`, `org plan`, `offers`, `run matching`, and the tab — shows an
// organisation that has been using Weave for a while: supervision and appraisal on the policy's
// cadence (local/demo/sessions.ts), plans whose needs meet in shared areas (needs.ts), CPD across
// professions (cpd.ts), learning offers booked and attended (offers.ts), integration pulse answers
// over five quarters (pulse.ts), learning triggers
// (triggers.ts), mentoring across professions (mentoring.ts), and supervision and appraisal closing
// their loop: outcomes, agreed actions and agreed plans (loop.ts), and this year's plan decided so far:
// teams' agreed priorities, the budget and commissioning lines the offers came from (yearPlan.ts). Everything is dated from `today`,
// in the organisation's zone, and written through the stores the product's own flows and jobs
// write to, in their shapes, with ids that come out the same on every load.
import { demoPulse, writePulse } from './pulse';
import type { IsoDate } from '../../core/calendar';
import { isOpen } from '../../core/needs';
import type { Runtime } from '../../runtime/runtime';
import { demoCpd, writeCpd } from './cpd';
import { demoMentoring, writeMentoring } from './mentoring';
import { demoNeeds, writeNeeds } from './needs';
import { demoOffers, writeOffers } from './offers';
import { demoHistory, writeHistory } from './sessions';
import { demoTriggers, writeTriggers } from './triggers';
import { demoLoop, writeLoop } from './loop';
import { demoYearPlan, linkOffers, writeYearPlan } from './yearPlan';
import { demoAspirations, writeAspirations } from './pathways';

export interface DemoLearning {
  needs: number;
  cpd: number;
  mentorOffers: number;
  sessions: number;
  offers: number;
}

export async function seedDemoLearning(rt: Runtime, tenantId: string, today: IsoDate, decided = true): Promise<DemoLearning> {
  const zone = rt.config.timeZone;
  const people = (await rt.people.list(tenantId)).filter((p) => p.status === 'active');
  const history = demoHistory(rt.policy, people, today, zone);
  const needs = demoNeeds(rt.policy, people, history, today);
  const logged = demoCpd(people, needs, today);
  const offers = demoOffers(people, needs, today, zone);
  const yearPlan = demoYearPlan(tenantId, rt.planPolicy.orgYear.startsOn, offers.offers, today);
  if (decided) linkOffers(offers.offers, yearPlan);
  const cpd = [...logged, ...offers.attendance];
  // A need that CPD meets is in progress, as `log cpd` and Mark attendance leave it.
  const met = new Set(cpd.flatMap((r) => r.needIds));
  for (const need of needs) if (met.has(need.needId) && isOpen(need)) need.status = 'in_progress';
  const mentoring = demoMentoring(tenantId, needs, today);
  const loop = demoLoop(rt.policy, people, history, needs, today, zone);

  await writeHistory(rt, history);
  await writeLoop(rt, tenantId, loop, today);
  await writeNeeds(rt, needs);
  await writeCpd(rt, cpd);
  await writeOffers(rt, offers);
  if (decided) await writeYearPlan(rt, yearPlan);
  await writeTriggers(rt, demoTriggers(tenantId, today));
  await writeMentoring(rt, mentoring);
  await writePulse(rt, tenantId, demoPulse(people, today));
  await writeAspirations(rt, demoAspirations(rt, people, today));
  return { needs: needs.length + loop.needs.length, cpd: cpd.length, mentorOffers: mentoring.offers.length, sessions: history.sessions.length, offers: offers.offers.length };
}
