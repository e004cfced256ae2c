// How L&D's aspiration totals read: one line a group, hidden counts "not shown".
import { activityLabel } from '../core/activities';
import { describeCode } from '../core/commonCore';
import type { Aspiration, AspirationRow, PathwayRole, Route } from '../core/pathways';
import { plural } from '../core/words';

const cell = (n: number | null) => (n === null ? 'not shown' : String(n));

/** "12 people · aiming 5 · not now 4 · not said not shown · moved on 0" */
export function aspirationLine(r: AspirationRow, _t: number): string {
  return `${r.people} people · aiming ${cell(r.aiming)} · not now ${cell(r.notNow)} · not said ${cell(r.notSaid)} · moved on ${cell(r.moved)}`;
}

/** A step as the card and the tab show it: what it needs, its Common Core areas, the learning that leads there. */
export function stepFacts(step: Route | null, stepsToGo: number | null, aiming: boolean): { title: string; value: string }[] {
  if (!step) return aiming && stepsToGo === 0 ? [{ title: 'Next step', value: 'You are there already.' }] : [];
  return [
    { title: 'Next step', value: `${step.needs.title}${step.needs.level ? ` (level ${step.needs.level})` : ''}` },
    { title: 'Common Core', value: step.areas.map(describeCode).join('; ') },
    { title: 'Typical learning', value: step.learning.map(activityLabel).join(', ') },
    ...(stepsToGo ? [{ title: 'Steps to go', value: plural(stepsToGo, 'step', 'steps') }] : []),
    ...(step.lateral ? [{ title: 'Kind of move', value: 'Across professions' }] : []),
  ];
}

/** "Where you'd like to go: Social worker", "Not now: …", or '' when they have not said. */
export function aimLine(aspiration: Aspiration | null, target: PathwayRole | null): string {
  if (aspiration?.choice.kind === 'not_now') return 'Not now: that is fine. Come back whenever you like.';
  return target ? `Where you'd like to go: ${target.title}` : '';
}
