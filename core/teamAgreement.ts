// A team's agreed training priorities for the organisation's year: what its manager decided from the
// team plan (or added), each with why and the term to achieve it by. Agreeing again makes a new
// version; earlier versions are kept.
import type { IsoDate } from './calendar';

export interface AgreedPriority {
  /** A Common Core area or sub-heading code. */
  code: string;
  why: string;
  /** "Summer 2027" */
  term: string;
}

export interface AgreementVersion {
  version: number;
  priorities: AgreedPriority[];
  agreedBy: string;
  agreedByName: string;
  agreedAt: string;
}

export interface TeamAgreement extends AgreementVersion {
  tenantId: string;
  team: string;
  /** The organisation's year it is for (its first day). */
  year: IsoDate;
  /** Every earlier version, oldest first. */
  history: AgreementVersion[];
}

/** The agreed priorities a person's own open needs touch (by area): the rest are the team's, not theirs. */
export function touching(priorities: readonly AgreedPriority[], ownCodes: readonly string[]): Set<string> {
  const areas = new Set(ownCodes.map((c) => c.split('.')[0]!));
  return new Set(priorities.filter((p) => areas.has(p.code.split('.')[0]!)).map((p) => p.code));
}
