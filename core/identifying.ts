// Does a reflection seem to identify a child or family? Reflections are about practice; case
// details belong in the case recording system. This looks for the tell-tale shapes — a name with
// an age or a date of birth, case and reference numbers, NHS numbers, addresses and postcodes —
// and says what it found so the person can edit. It warns; the person decides.

export interface Finding {
  kind: 'date of birth' | 'name and age' | 'case or reference number' | 'NHS number' | 'pupil number' | 'postcode' | 'street address';
  /** The words that matched, as written. */
  excerpt: string;
}

const NAME = String.raw`[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)?`;
const DATE = String.raw`\b(?:\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})|\d{1,2}(?:st|nd|rd|th)? (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]* \d{4})\b`;

const PATTERNS: { kind: Finding['kind']; pattern: RegExp }[] = [
  { kind: 'date of birth', pattern: new RegExp(String.raw`\b(?:d\.?o\.?b\.?|date of birth|born(?: on)?)\s*:?\s*${DATE}`, 'gi') },
  { kind: 'date of birth', pattern: new RegExp(String.raw`\b${NAME}(?: ${NAME})?\s*\(\s*${DATE}\s*\)`, 'g') },
  { kind: 'name and age', pattern: new RegExp(String.raw`\b${NAME}(?: ${NAME})?,?\s*\(?\s*(?:aged?\s*)\d{1,2}\b`, 'g') },
  { kind: 'name and age', pattern: new RegExp(String.raw`\b${NAME}(?: ${NAME})?\s*\(\s*\d{1,2}\s*\)`, 'g') },
  { kind: 'name and age', pattern: new RegExp(String.raw`\b${NAME}(?: ${NAME})?,?\s*\(?\d{1,2}\s*(?:yo|y\.o\.|years? old|yrs?)\b`, 'g') },
  { kind: 'case or reference number', pattern: /\b(?:case|ref(?:erence)?|client|child|person|LL|CP|CIN|LAC|EHCP|file)\s*(?:no\.?|number|id|ref)?\s*[:#]?\s*[A-Z]{0,3}[-/]?\d{4,}[-/\dA-Z]*\b/gi },
  { kind: 'NHS number', pattern: /\b\d{3}[ -]?\d{3}[ -]?\d{4}\b/g },
  { kind: 'pupil number', pattern: /\b[A-Z]\d{11}[A-Z0-9]\b/g },
  { kind: 'postcode', pattern: /\b(?:[A-Z]{1,2}\d[A-Z\d]?) ?\d[A-Z]{2}\b/gi },
  { kind: 'street address', pattern: /\b\d{1,4}[a-z]? [A-Z][a-z]+(?: [A-Z][a-z]+)? (?:Road|Rd|Street|St|Avenue|Ave|Close|Lane|Drive|Way|Crescent|Gardens|Place|Court|Grove|Terrace|Walk)\b/g },
];

/** What in these texts looks like it identifies someone, each found thing once. */
export function identifyingDetails(texts: readonly string[]): Finding[] {
  const found = new Map<string, Finding>();
  for (const text of texts) {
    for (const { kind, pattern } of PATTERNS) {
      for (const m of text.matchAll(pattern)) {
        const excerpt = m[0].trim();
        if (!found.has(excerpt)) found.set(excerpt, { kind, excerpt });
      }
    }
  }
  return [...found.values()];
}
