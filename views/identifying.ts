// What the identifying-text check found, as the person reads it before deciding to edit or save.
import type { Finding } from '../core/identifying';

const ARTICLE: Record<Finding['kind'], string> = {
  'date of birth': 'a date of birth', 'name and age': 'a name and an age', 'case or reference number': 'a case or reference number',
  'NHS number': 'an NHS number', 'pupil number': 'a unique pupil number', postcode: 'a postcode', 'street address': 'a street address',
};

/** '"Jake (12)" looks like a name and an age.' */
export function findingLines(findings: readonly Finding[]): string[] {
  return findings.map((f) => `"${f.excerpt}" looks like ${ARTICLE[f.kind]}.`);
}
