// Profession frameworks a learning need can also be tagged with. They sit beside the Common Core,
// never instead of it: the Common Core is what joins the professions up.

const framework = (prefix: string, items: string[]) => items.map((label) => `${prefix}: ${label}`);

export const FRAMEWORK_TAGS: readonly string[] = [
  ...framework('PCF', [
    'Professionalism', 'Values and ethics', 'Diversity and equality', 'Rights, justice and economic wellbeing', 'Knowledge',
    'Critical reflection and analysis', 'Intervention and skills', 'Contexts and organisations', 'Professional leadership',
  ]),
  ...framework('KSS', [
    'Relationships and effective direct work', 'Communication', 'Child development', 'Adult mental ill health, substance misuse, domestic abuse, physical ill health and disability',
    'Abuse and neglect of children', 'Child and family assessment', 'Analysis, decision-making, planning and review', 'The law and the family and youth justice systems',
    'Professional ethics', 'The role of supervision and research',
  ]),
  ...framework("Teachers' Standards", [
    '1 Set high expectations', '2 Promote good progress', '3 Good subject and curriculum knowledge', '4 Plan and teach well structured lessons',
    '5 Adapt teaching to all pupils', '6 Accurate and productive use of assessment', '7 Manage behaviour effectively', '8 Wider professional responsibilities',
    'Part 2 Personal and professional conduct',
  ]),
  ...framework('HCPC', [
    'Promote and protect the interests of service users', 'Communicate appropriately and effectively', 'Work within the limits of your knowledge and skills',
    'Delegate appropriately', 'Respect confidentiality', 'Manage risk', 'Report concerns about safety', 'Be open when things go wrong',
    'Be honest and trustworthy', 'Keep records of your work',
  ]),
  ...framework('NMC Code', ['Prioritise people', 'Practise effectively', 'Preserve safety', 'Promote professionalism and trust']),
];
