// The demo organisation's people who appear in the Agents Playground: one per view of Weave.
// Their ids are rows of local/demo/roster.csv.

export interface Persona {
  key: string;
  aadObjectId: string;
  name: string;
  email: string;
  /** What a newcomer sees as this person. */
  view: string;
}

/** The object id of roster.csv's row n (its ids end in the row's number: 11 is Priya Shah). */
export const staffId = (n: number) => `d0000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const email = (name: string) => `${name.toLowerCase().replace(/ /g, '.')}@weave-demo.example`;
const persona = (key: string, n: number, name: string, view: string): Persona => ({ key, aadObjectId: staffId(n), name, email: email(name), view });

export const PERSONAS: readonly Persona[] = [
  persona('practitioner', 11, 'Priya Shah', 'a newly qualified social worker in PaCT (ASYE)'),
  persona('manager', 10, 'Dana Hughes', "PaCT's team manager, Priya's line manager"),
  persona('ld_admin', 70, 'Morgan Ellis', 'the Workforce Development lead (L&D admin)'),
  persona('teacher', 41, 'Tom Adeyemi', 'an advisory teacher (SEN) in Education Inclusion'),
  persona('nursery_nurse', 51, 'Grace Liu', 'a nursery nurse in Early Years (not registered)'),
  persona('psychologist', 42, 'Hannah Osei', 'an educational psychologist (HCPC)'),
];

/** The three people the README walks through, in its order: the tab's dev sign-in lists them first. */
export const README_PEOPLE: readonly string[] = ['practitioner', 'manager', 'ld_admin'].map((key) => personaByKey(key).aadObjectId);

export function personaByKey(key: string): Persona {
  const found = PERSONAS.find((p) => p.key === key);
  if (!found) throw new Error(`No demo persona "${key}". Choose from: ${PERSONAS.map((p) => p.key).join(', ')}`);
  return found;
}
