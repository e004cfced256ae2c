// Answering the integration pulse. The answer is stored without the person: with the quarter and
// the person's team, service and profession, under a random id. Separately, the person's row for the
// quarter gets the marker that they answered — nothing about what. The marker is claimed first (over
// the version read), so an answer given twice at once, from two cards, is stored once.
import { quarterEnd, quarterLabel, quarterOf, type PulseAnswers, type Quarter } from '../../core/pulse';
import type { IsoDate } from '../../core/calendar';
import { ConcurrencyError } from '../../store/errors';
import type { StoredPulsePerson } from '../../store/pulse';
import type { AppDeps } from '../deps';

type PulseDeps = Pick<AppDeps, 'pulse' | 'people' | 'newId' | 'log'>;

const blankRow = (tenantId: string, quarter: Quarter, personId: string) => ({
  tenantId, quarter, personId, cardId: null, sentOn: null, remindedOn: null, notNow: false, answered: false,
});

export const PULSE_WORDS = {
  closed: (quarter: Quarter) => `The pulse for ${quarterLabel(quarter)} has closed. Type pulse for this quarter's.`,
  already: (quarter: Quarter) => `You have answered the pulse for ${quarterLabel(quarter)} already, thank you. The next one comes after ${quarterEnd(quarter)}.`,
} as const;

/** Where the person stands with the pulse of the quarter `today` is in. */
export async function pulseStatus(deps: Pick<AppDeps, 'pulse'>, tenantId: string, personId: string, today: IsoDate): Promise<{ quarter: Quarter; answered: boolean; notNow: boolean }> {
  const quarter = quarterOf(today);
  const row = await deps.pulse.person(tenantId, quarter, personId);
  return { quarter, answered: row?.answered ?? false, notNow: row?.notNow ?? false };
}

/**
 * Records a person's answers for the quarter on their card. Refused when the quarter has closed
 * or they have answered it already. Nothing logged says what they answered.
 */
export async function answerPulse(
  deps: PulseDeps, tenantId: string, personId: string, quarter: Quarter, answers: PulseAnswers, today: IsoDate,
): Promise<{ invalid: string[] } | { answered: Quarter }> {
  if (quarterOf(today) !== quarter) return { invalid: [PULSE_WORDS.closed(quarter)] };
  const person = await deps.people.get(tenantId, personId);
  if (!person || person.status === 'left') return { invalid: ['Weave does not know you as staff here, so it cannot take an answer.'] };
  const seen = await deps.pulse.person(tenantId, quarter, personId);
  if (seen?.answered) return { invalid: [PULSE_WORDS.already(quarter)] };
  let marked: StoredPulsePerson;
  try {
    marked = await deps.pulse.savePerson({ ...(seen ?? blankRow(tenantId, quarter, personId)), answered: true }, seen ?? null);
  } catch (err) {
    if (err instanceof ConcurrencyError) return { invalid: [PULSE_WORDS.already(quarter)] };
    throw err;
  }
  try {
    await deps.pulse.addResponse(tenantId, deps.newId(), {
      quarter, team: person.team, service: person.service || 'Not recorded', profession: person.profession, ...answers,
    });
  } catch (err) {
    // The answer did not go in: take the marker back, so they can answer again.
    await deps.pulse.savePerson({ ...marked, answered: false }, marked).catch(() => undefined);
    throw err;
  }
  deps.log.info('pulse.answered', { quarter });
  return { answered: quarter };
}

/** "Not now": no reminder this quarter. They can still answer on the card, or with `pulse`. */
export async function notNowPulse(deps: Pick<AppDeps, 'pulse'>, tenantId: string, personId: string, quarter: Quarter): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const seen = await deps.pulse.person(tenantId, quarter, personId);
    if (seen?.notNow || seen?.answered) return;
    try {
      await deps.pulse.savePerson({ ...(seen ?? blankRow(tenantId, quarter, personId)), notNow: true }, seen ?? null);
      return;
    } catch (err) {
      if (!(err instanceof ConcurrencyError)) throw err;
    }
  }
}
