// Figures and dates as people read them on the tab's pages.

/** "12 July 2026" from an ISO date or instant, in the organisation's zone. */
export function longDate(iso: string): string {
  const at = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? new Date(`${iso}T12:00:00Z`) : new Date(iso);
  return at.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' });
}

/** A mean self-rating to one place, or "not shown" where too few people gave one. */
export const meanText = (mean: number | null) => (mean === null ? 'not shown' : mean.toFixed(1));
