// zod schemas for what people fill in (on cards or in the tab), each failing with a sentence a person can act on. Cards send
// missing inputs as absent or "", so both mean empty here.
import { z } from 'zod';
import { CONTROL_CHARS, isIsoDate, LOOKS_LIKE_A_LINK } from '../core/validation';

const blankToEmpty = (v: unknown) => (v === undefined || v === null ? '' : v);

export function text(label: string, opts: { max: number; required?: boolean; multiline?: boolean; noLinks?: boolean }) {
  return z.preprocess(
    blankToEmpty,
    z.string({ error: `${label} must be text.` })
      .transform((s) => s.trim())
      .refine((s) => !opts.required || s.length > 0, `${label} is required.`)
      .refine((s) => s.length <= opts.max, `${label} can be at most ${opts.max} characters.`)
      .refine((s) => !CONTROL_CHARS.test(opts.multiline ? s.replace(/[\r\n\t]/g, '') : s), `${label} contains characters that can't be stored.`)
      .refine((s) => !opts.noLinks || !LOOKS_LIKE_A_LINK.test(s), `${label} can't contain a web address.`),
  );
}

export function choice<T extends string>(label: string, codes: readonly [T, ...T[]], opts: { required?: boolean } = { required: true }) {
  return z.preprocess(
    blankToEmpty,
    z.string({ error: `Choose from the list for ${label.toLowerCase()}.` }).superRefine((s, ctx) => {
      if (s === '' && !opts.required) return;
      if (!(codes as readonly string[]).includes(s)) {
        ctx.addIssue({ code: 'custom', message: s === '' ? `${label}: choose one.` : `${label}: "${s.slice(0, 40)}" is not one of the choices.` });
      }
    }),
  ) as unknown as z.ZodType<T | ''>;
}

export function email(label: string, opts: { required?: boolean } = {}) {
  return z.preprocess(
    blankToEmpty,
    z.string({ error: `${label} must be text.` })
      .transform((s) => s.trim().toLowerCase())
      .refine((s) => !opts.required || s.length > 0, `${label} is required.`)
      .refine((s) => s === '' || (s.length <= 254 && z.email().safeParse(s).success), `${label} is not a valid email address.`),
  );
}

/** A multi-select ChoiceSet arrives as "a,b,c"; every code must be one of the choices. */
export function choices<T extends string>(label: string, codes: readonly T[], opts: { min?: number } = {}) {
  const min = opts.min ?? 0;
  return z.preprocess(
    blankToEmpty,
    z.string({ error: `${label}: choose from the list.` })
      .transform((s) => [...new Set(s.split(',').map((c) => c.trim()).filter(Boolean))])
      .refine((picked) => picked.every((c) => (codes as readonly string[]).includes(c)), `${label}: choose from the list.`)
      .refine((picked) => picked.length >= min, min === 1 ? `${label}: choose at least one.` : `${label}: choose at least ${min}.`),
  ) as unknown as z.ZodType<T[]>;
}

/**
 * A multi-select ChoiceSet of things the flow then looks up itself (needs, teams, people), as "a,b,c".
 * Anything but text is taken as nothing chosen.
 */
export function picked(label: string, opts: { max: number; min?: number }) {
  return z.preprocess(
    (v) => (typeof v === 'string' ? v.split(',').map((s) => s.trim()).filter(Boolean) : []),
    z.array(z.string().max(100, `${label}: choose from the list.`))
      .min(opts.min ?? 0, `${label}: choose at least ${opts.min === 1 ? 'one' : opts.min}.`)
      .max(opts.max, `${label}: choose at most ${opts.max}.`),
  );
}

/** A date from an Input.Date (YYYY-MM-DD); '' when optional and left empty. */
export function date(label: string, opts: { required?: boolean } = {}) {
  return z.preprocess(
    blankToEmpty,
    z.string({ error: `${label} must be a date.` })
      .transform((s) => s.trim())
      .refine((s) => !opts.required || s !== '', `${label}: choose a date.`)
      .refine((s) => s === '' || isIsoDate(s), `${label} is not a date.`),
  );
}

/** An Input.Number: Teams sends it as text or a number. Empty is 0 unless required. */
export function number(label: string, opts: { min: number; max: number; required?: boolean }) {
  return z.preprocess(
    (v) => (v === undefined || v === null || (typeof v === 'string' && v.trim() === '') ? (opts.required ? undefined : 0) : typeof v === 'string' ? Number(v.trim()) : v),
    z.number({ error: opts.required ? `${label}: give a number.` : `${label} must be a number.` })
      .refine((n) => Number.isFinite(n), `${label} must be a number.`)
      .refine((n) => n >= opts.min && n <= opts.max, `${label} must be from ${opts.min} to ${opts.max}.`),
  );
}

/** An Input.Toggle with valueOn "true". */
export function toggle() {
  return z.preprocess((v) => v === true || v === 'true', z.boolean());
}

/** A multi-select ChoiceSet of ISO weekdays arrives as "1,2,3". */
export function weekdays(label: string) {
  return z.preprocess(
    blankToEmpty,
    z.string({ error: `${label} must be chosen from the list.` })
      .transform((s) => s.split(',').map((d) => d.trim()).filter(Boolean))
      .refine((days) => days.every((d) => /^[1-7]$/.test(d)), `${label} must be chosen from the list.`)
      .refine((days) => days.length > 0, `Choose at least one of ${label.toLowerCase()}.`)
      .transform((days) => [...new Set(days.map(Number))].sort((a, b) => a - b)),
  );
}

/** Messages of a failed parse, de-duplicated, in the order of the card's inputs. */
export function messagesOf(error: z.ZodError): string[] {
  return [...new Set(error.issues.map((i) => i.message))];
}

/** A submitted value, as text fit to put back into a card input. */
export function typed(values: Record<string, unknown> | undefined, key: string, max = 2000): string {
  const v = values?.[key];
  return typeof v === 'string' ? v.slice(0, max) : typeof v === 'number' ? String(v) : '';
}

/** An amount of money typed as pounds ("1,250" or "£1,250.50"), in pence; empty is null unless required. */
export function pounds(label: string, opts: { required?: boolean; max?: number } = {}) {
  const max = opts.max ?? 10_000_000_00;
  return z.preprocess(
    blankToEmpty,
    z.string({ error: `${label} must be an amount in pounds.` }).transform((s, ctx) => {
      const clean = s.trim().replace(/^£/, '').replace(/,/g, '');
      if (clean === '') {
        if (opts.required) ctx.addIssue({ code: 'custom', message: `${label} is required.` });
        return null;
      }
      if (!/^\d{1,9}(\.\d{1,2})?$/.test(clean) || Math.round(Number(clean) * 100) > max) {
        ctx.addIssue({ code: 'custom', message: `${label} must be an amount in pounds, like 1,250 or 1250.50.` });
        return null;
      }
      return Math.round(Number(clean) * 100);
    }),
  );
}
