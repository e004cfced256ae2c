// The integration pulse in the demo: four quarters of answers and most of this one's, from the
// roster's staff (about three in four answer), understanding and knowing who to contact creeping up
// as mentoring across professions takes hold. Stored as the product stores them: without the person,
// with the marker that each answered.
import { deterministicId } from '../../core/ids';
import type { IsoDate } from '../../core/calendar';
import type { Person } from '../../core/people';
import { quarterOf, quartersUpTo, type AgreeAnswer, type PulseResponse } from '../../core/pulse';
import type { Runtime } from '../../runtime/runtime';

/** A number from 0 to 1, fixed for its parts. */
const unit = (...parts: string[]) => parseInt(deterministicId('demo-pulse', ...parts).slice(0, 8), 16) / 0xffffffff;
const scale = (x: number): AgreeAnswer => (Math.min(5, Math.max(1, Math.round(x))) as AgreeAnswer);

export function demoPulse(people: readonly Person[], today: IsoDate): { responses: PulseResponse[]; answered: { quarter: string; personId: string }[] } {
  const quarters = quartersUpTo(quarterOf(today), 5);
  const responses: PulseResponse[] = [];
  const answered: { quarter: string; personId: string }[] = [];
  quarters.forEach((quarter, i) => {
    for (const p of people) {
      if (unit(quarter, p.aadObjectId, 'answers') > (i === quarters.length - 1 ? 0.6 : 0.75)) continue;
      const lift = i * 0.25;
      const r = (what: string, base: number) => scale(base + lift + (unit(quarter, p.aadObjectId, what) - 0.5) * 2.5);
      responses.push({
        quarter, team: p.team, service: p.service || 'Not recorded', profession: p.profession,
        understand: r('understand', 3), contact: r('contact', 3.2), valued: r('valued', 3), learned: unit(quarter, p.aadObjectId, 'learned') < 0.35 + i * 0.08,
      });
      answered.push({ quarter, personId: p.aadObjectId });
    }
  });
  return { responses, answered };
}

export async function writePulse(rt: Runtime, tenantId: string, demo: ReturnType<typeof demoPulse>): Promise<void> {
  // Shuffled by their ids, as the product's random keys leave them.
  for (const [i, r] of demo.responses.entries()) await rt.pulse.addResponse(tenantId, deterministicId('demo-pulse-answer', String(i)), r);
  for (const a of demo.answered) {
    await rt.pulse.savePerson({ tenantId, quarter: a.quarter, personId: a.personId, cardId: null, sentOn: null, remindedOn: null, notNow: false, answered: true }, null);
  }
}
