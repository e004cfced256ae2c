// How counts read: one place for plurals and agreement, so no card says "1 of 1 pieces" or
// "1 earlier piece of CPD are".

/** "1 piece", "3 pieces". */
export function plural(n: number, one: string, many: string): string {
  return `${n} ${agree(n, one, many)}`;
}

/** The word that agrees with a count: agree(1, 'has', 'have') is "has". */
export function agree(n: number, one: string, many: string): string {
  return n === 1 ? one : many;
}

/**
 * The verb for "part of whole": "1 of your 6 reports has", "2 of 6 have", "0 of 1 waiting person
 * has" (a whole of one reads as singular).
 */
export function agreeOf(part: number, whole: number, one: string, many: string): string {
  return part === 1 || whole === 1 ? one : many;
}

/** "once", "twice", "3 times". */
export function times(n: number): string {
  return n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`;
}
