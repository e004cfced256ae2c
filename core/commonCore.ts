// The Common Core of Skills and Knowledge (2010): one framework for every profession. Area and
// sub-heading codes (CC3, CC3.S2) are stable; everything Weave records about learning uses them.

export interface SubHeading {
  code: string;
  kind: 'skill' | 'knowledge';
  label: string;
}

export interface CommonCoreArea {
  code: string;
  label: string;
  short: string;
  subHeadings: SubHeading[];
}

function area(n: number, label: string, short: string, skills: string[], knowledge: string[]): CommonCoreArea {
  return {
    code: `CC${n}`,
    label,
    short,
    subHeadings: [
      ...skills.map((s, i) => ({ code: `CC${n}.S${i + 1}`, kind: 'skill' as const, label: s })),
      ...knowledge.map((k, i) => ({ code: `CC${n}.K${i + 1}`, kind: 'knowledge' as const, label: k })),
    ],
  };
}

export const COMMON_CORE: readonly CommonCoreArea[] = [
  area(1, 'Effective communication and engagement with children, young people and families', 'Communication and engagement',
    ['Listening and building empathy', 'Summarising and explaining', 'Consultation and negotiation'],
    ['How communication works', 'Sources of support', 'Importance of respect']),
  area(2, 'Child and young person development', 'Child development',
    ['Observation and judgement', 'Empathy and understanding'],
    ['Understand context', 'How babies, children and young people develop', 'Be clear about your own job role']),
  area(3, 'Safeguarding and promoting the welfare of the child or young person', 'Safeguarding',
    ['Relate, recognise and take considered action', 'Communication, recording and reporting', 'Personal skills'],
    ['Legal and procedural frameworks', 'Wider context of services', 'Self understanding']),
  area(4, 'Supporting transitions', 'Supporting transitions',
    ['Identify transitions', 'Provide support'],
    ['How children and young people respond to change', 'When and how to intervene']),
  area(5, 'Multi-agency and integrated working', 'Multi-agency working',
    ['Communication and teamwork', 'Assertiveness'],
    ['Your role and remit', 'Know how to make queries', 'Procedures and working methods']),
  area(6, 'Information sharing', 'Information sharing',
    ['Information handling', 'Engagement'],
    ['Importance of information sharing', 'Roles and responsibilities', 'Awareness of complexities', 'Awareness of laws and legislation']),
];

export const AREA_CODES = COMMON_CORE.map((a) => a.code) as [string, ...string[]];
export const CODES = COMMON_CORE.flatMap((a) => [a.code, ...a.subHeadings.map((s) => s.code)]) as [string, ...string[]];

export function areaOf(code: string): CommonCoreArea | undefined {
  return COMMON_CORE.find((a) => a.code === code.split('.')[0]);
}

/** "CC3 Safeguarding" or "CC3.S2 Communication, recording and reporting". */
export function describeCode(code: string): string {
  const a = areaOf(code);
  if (!a) return code;
  if (code === a.code) return `${a.code} ${a.short}`;
  const sub = a.subHeadings.find((s) => s.code === code);
  return sub ? `${sub.code} ${sub.label}` : code;
}
