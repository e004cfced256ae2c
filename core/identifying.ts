// Does a reflection seem to identify a child or family? Reflections are about practice; case
// details belong in the case recording system. This looks for the tell-tale shapes — a name with
// an age or a date of birth, case and reference numbers, NHS numbers, addresses and postcodes —
// and says what it found so the person can edit. It warns; the person decides.

export interface Finding {
  kind: 'date of birth' | 'name and age' | 'case or reference number' | 'NHS number' | 'pupil number' | 'postcode' | 'street address';
  /** The words that matched, as written. */
  excerpt: string;
}

// Patterns are written for text whose whitespace has been collapsed to single spaces, and use
// only ` ?` between parts: nothing in them can backtrack badly, whatever people paste in.
const NAME = String.raw`[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)?`;
const FULL_NAME = String.raw`${NAME}(?: ${NAME})?`;
const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*';
const DATE = String.raw`\b(?:\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})|\d{4}-\d{2}-\d{2}|\d{1,2}(?:st|nd|rd|th)? ${MONTH} \d{4})\b`;
const CASE_SYSTEMS = 'case|ref(?:erence)?|client|child|person|LL|CP|CIN|LAC|EHCP|EHM|LCS|Mosaic|Liquidlogic|file|ID';

const PATTERNS: { kind: Finding['kind']; pattern: RegExp }[] = [
  { kind: 'date of birth', pattern: new RegExp(String.raw`\b(?:d\.?o\.?b\.?|date of birth|born(?: on)?) ?:? ?${DATE}`, 'gi') },
  { kind: 'date of birth', pattern: new RegExp(String.raw`\b${FULL_NAME},? ?\(? ?${DATE}`, 'g') },
  { kind: 'name and age', pattern: new RegExp(String.raw`\b${FULL_NAME},? ?\(? ?aged? ?\d{1,2}\b`, 'g') },
  { kind: 'name and age', pattern: new RegExp(String.raw`\b${FULL_NAME} ?\( ?\d{1,2} ?\)`, 'g') },
  { kind: 'name and age', pattern: new RegExp(String.raw`\b${FULL_NAME},? ?\(?\d{1,2} ?(?:yo|y\.o\.|years? old|yrs?)\b`, 'g') },
  { kind: 'name and age', pattern: new RegExp(String.raw`\b${NAME}, \d{1,2},`, 'g') },
  { kind: 'case or reference number', pattern: new RegExp(String.raw`\b(?:${CASE_SYSTEMS})(?: ?(?:no\.?|number|id|ref))? ?[:#]? ?[A-Z]{0,3}[-/]?\d{4,}[-/\dA-Z]*\b`, 'gi') },
  { kind: 'NHS number', pattern: /\b\d{3}[ -]?\d{3}[ -]?\d{4}\b/g },
  { kind: 'pupil number', pattern: /\b[A-Z]\d{11}[A-Z0-9]\b/g },
  { kind: 'postcode', pattern: /\b(?:[A-Z]{1,2}\d[A-Z\d]?) ?\d[A-Z]{2}\b/gi },
  { kind: 'street address', pattern: /\b\d{1,4}[a-z]? [A-Z][a-z]+(?: [A-Z][a-z]+)? (?:Road|Rd|Street|St|Avenue|Ave|Close|Lane|Drive|Way|Crescent|Gardens|Place|Court|Grove|Terrace|Walk)\b/g },
];

/** What in these texts looks like it identifies someone, each found thing once. */
export function identifyingDetails(texts: readonly string[]): Finding[] {
  const found = new Map<string, Finding>();
  for (const raw of texts) {
    const text = raw.replace(/\s+/g, ' ');
    for (const { kind, pattern } of PATTERNS) {
      for (const m of text.matchAll(pattern)) {
        const excerpt = m[0].trim();
        if (!found.has(excerpt)) found.set(excerpt, { kind, excerpt });
      }
    }
  }
  return [...found.values()];
}
