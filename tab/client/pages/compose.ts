// The offer composer: a form, a live preview of the card exactly as recipients will get it (drawn
// by the adaptivecards SDK from the card the server builds), and Send now / Send later. Sending
// quotes the preview's digest, so what goes out is what L&D last saw. Filled from a commissioning
// line, it names the line with the preview and the send, so the offer made stays linked to it.
import type { ComposerOptions, OfferPreview, Option } from '../../../api/shapes';
import { renderCard } from '../cardPreview';
import { checklist, type Checklist } from '../checklist';
import { announce, h, replace } from '../dom';
import { ApiError, call, type Session } from '../session';

export interface Composer {
  element: HTMLElement;
  /** Fills the form with a commissioning line's offer values; the offer sent is then made from that line. */
  fromLine(line: { id: string; title: string; offerValues: Record<string, string> }): void;
  /** A 7-minute briefing on a learning trigger, linked to it. */
  fromTrigger(trigger: { id: string; summary: string; offerValues: Record<string, string> }): void;
}

type Field = { name: string; label: string; kind: 'text' | 'textarea' | 'date' | 'time' | 'number' | 'url' | 'select' | 'multi' | 'checkbox'; options?: Option[]; wide?: boolean; step?: string; hint?: string };

export function composer(session: Session, options: ComposerOptions, onSent: () => void): Composer {
  const fields: Field[] = [
    { name: 'title', label: 'Title', kind: 'text', wide: true },
    { name: 'description', label: 'Description', kind: 'textarea', wide: true },
    { name: 'format', label: 'Format', kind: 'select', options: options.formats },
    { name: 'date', label: 'Date', kind: 'date' },
    { name: 'time', label: 'Start', kind: 'time' },
    { name: 'durationMinutes', label: 'Length', kind: 'select', options: options.durations },
    { name: 'location', label: 'Where', kind: 'text' },
    { name: 'onlineUrl', label: 'Online link', kind: 'url', hint: 'https://…' },
    { name: 'capacity', label: 'Places', kind: 'number', step: '1' },
    { name: 'cpdHours', label: 'CPD hours', kind: 'number', step: '0.25' },
    { name: 'closesOn', label: 'Bookings close', kind: 'date' },
    { name: 'codes', label: 'Areas of the Common Core', kind: 'multi', options: options.areas, wide: true },
    { name: 'professions', label: 'Professions (none chosen: every profession)', kind: 'multi', options: options.professions, wide: true },
    { name: 'teams', label: 'Teams (none chosen: every team)', kind: 'multi', options: options.teams, wide: true },
    { name: 'registration', label: 'Registered with a regulator', kind: 'select', options: options.registration },
    { name: 'withNeed', label: 'Only people with an open learning need in these areas', kind: 'checkbox', wide: true },
    { name: 'allocation', label: 'How places go', kind: 'select', options: options.allocation, wide: true },
    { name: 'reserveFor', label: 'Reserve places for (not with first come)', kind: 'select', options: [{ value: '', title: 'Nobody' }, ...options.groups] },
    { name: 'reservePlaces', label: 'Places reserved', kind: 'number', step: '1' },
    { name: 'reserveUntil', label: 'Held until (first come)', kind: 'date' },
  ];
  const inputs = new Map<string, HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>();
  const checklists = new Map<string, Checklist>();
  const control = (f: Field) => {
    const id = `offer-${f.name}`;
    const value = options.defaults[f.name] ?? '';
    if (f.kind === 'multi') {
      const list = checklist(id, f.label, f.options ?? [], new Set(value.split(',').filter(Boolean)));
      checklists.set(f.name, list);
      return h('div', { class: 'wide' }, list.element);
    }
    let el: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
    if (f.kind === 'textarea') el = h('textarea', { id, name: f.name, rows: '4', maxlength: '1000' }, value);
    else if (f.kind === 'select') el = h('select', { id, name: f.name }, (f.options ?? []).map((o) => h('option', { value: o.value, selected: o.value === value }, o.title)));
    else if (f.kind === 'checkbox') el = h('input', { id, name: f.name, type: 'checkbox', checked: value === 'true' });
    else el = h('input', { id, name: f.name, type: f.kind, value, step: f.step, placeholder: f.hint, maxlength: f.kind === 'text' ? '200' : undefined });
    inputs.set(f.name, el);
    return f.kind === 'checkbox'
      ? h('div', { class: f.wide ? 'wide check' : 'check' }, el, h('label', { for: id }, f.label))
      : h('div', { class: f.wide ? 'wide' : undefined }, h('label', { for: id }, f.label), el);
  };
  const values = (): Record<string, string> => Object.fromEntries(fields.map((f) => {
    if (f.kind === 'multi') return [f.name, checklists.get(f.name)!.values().join(',')];
    const el = inputs.get(f.name)!;
    if (f.kind === 'checkbox') return [f.name, String((el as HTMLInputElement).checked)];
    return [f.name, el.value];
  }));

  const errors = h('div', { class: 'errors', role: 'alert' });
  const audience = h('p', { class: 'strong' });
  const reach = h('div', { class: 'reach', 'aria-label': 'Who would have the places', role: 'region' });
  const suggest = h('button', { type: 'button', hidden: true }, '');
  let suggestion: OfferPreview['suggestion'] = null;
  suggest.addEventListener('click', () => {
    if (!suggestion) return;
    for (const [name, value] of Object.entries(suggestion.values)) if (['allocation', 'reserveFor', 'reservePlaces', 'reserveUntil'].includes(name)) inputs.get(name)!.value = value;
    announce(`${suggestion.label}: the preview is updating.`);
    schedule();
  });
  const preview = h('div', { class: 'preview', 'aria-label': 'Preview of the card recipients get', role: 'region' }, h('p', {}, 'Fill in the offer to see the card people will get.'));
  const sendAt = h('input', { id: 'offer-send-at', type: 'datetime-local' });
  const sendNow = h('button', { type: 'button', class: 'primary', disabled: true }, 'Send now');
  const sendLater = h('button', { type: 'button', disabled: true }, 'Send later');
  let current: OfferPreview | null = null;
  let asked = 0;
  // The commissioning line or learning trigger the offer is made from, if any.
  let line: string | null = null;
  let trigger: string | null = null;
  const lineNote = h('div', { class: 'note wide', hidden: true });

  // Asked for only once what every offer needs is there: half a form is not an error to show.
  const needed = ['title', 'description', 'date', 'closesOn', 'codes'] as const;
  const ready = (v: Record<string, string>) => needed.every((k) => v[k]?.trim()) && !!(v.location?.trim() || v.onlineUrl?.trim());
  const refresh = async () => {
    const ask = asked;
    if (!ready(values())) {
      current = null;
      replace(errors);
      replace(audience);
      replace(reach);
      suggest.hidden = true;
      replace(preview, h('p', {}, 'Fill in the title, description, date, when bookings close, the areas and where it is, to see the card people will get.'));
      return;
    }
    try {
      const result = await call<OfferPreview>(session, 'offers/preview', { method: 'POST', body: { values: values(), line, trigger } });
      if (ask !== asked) return;
      current = result;
      replace(errors);
      replace(audience, result.audience);
      replace(reach, result.reach.map((l) => h('p', { class: 'muted' }, l)));
      suggestion = result.suggestion;
      suggest.hidden = !suggestion;
      replace(suggest, suggestion?.label ?? '');
      replace(preview, renderCard(result.card));
    } catch (err) {
      if (ask !== asked) return;
      current = null;
      replace(audience);
      replace(reach);
      suggest.hidden = true;
      replace(errors, err instanceof ApiError && err.errors.length ? h('ul', {}, err.errors.map((e) => h('li', {}, e))) : (err as Error).message);
    }
    sendNow.disabled = sendLater.disabled = !current;
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const form = h('form', { class: 'compose', 'aria-label': 'New learning offer', onsubmit: (e) => e.preventDefault() }, lineNote, fields.map(control));
  let askedFor = '';
  const schedule = () => {
    // A field losing focus fires "change" with nothing changed (as when Send is clicked): ignore it.
    const now = JSON.stringify({ values: values(), line });
    if (now === askedFor) return;
    askedFor = now;
    // Any answer still on its way is for the old values: it must not show, nor enable Send.
    asked += 1;
    current = null;
    clearTimeout(timer);
    sendNow.disabled = sendLater.disabled = true;
    timer = setTimeout(() => void refresh(), 350);
  };
  form.addEventListener('input', schedule);
  form.addEventListener('change', schedule);

  const send = async (later: boolean) => {
    if (!current) return;
    const when = later ? sendAt.value : null;
    if (later && !when) {
      replace(errors, 'Send later: choose the day and time first.');
      sendAt.focus();
      return;
    }
    sendNow.disabled = sendLater.disabled = true;
    try {
      const result = await call<{ id: string; status: string }>(session, 'offers', {
        method: 'POST', body: { values: values(), line, trigger, digest: current.digest, sendAt: when ? new Date(when).toISOString() : null },
      });
      setLine(null, '');
      announce(result.status === 'scheduled' ? 'Offer scheduled.' : 'Offer sending.');
      replace(errors);
      replace(audience, result.status === 'scheduled' ? 'Scheduled. It appears below with its progress.' : 'Sending. Its progress is below.');
      current = null;
      onSent();
    } catch (err) {
      replace(errors, (err as Error).message);
      // Whatever the reason, look again before the next send: the preview may be out of date.
      askedFor = '';
      schedule();
    }
  };
  sendNow.addEventListener('click', () => void send(false));
  sendLater.addEventListener('click', () => void send(true));

  function setLine(id: string | null, title: string, kind: 'line' | 'trigger' = 'line') {
    line = kind === 'line' ? id : null;
    trigger = kind === 'trigger' ? id : null;
    lineNote.hidden = !id;
    replace(lineNote, id ? [
      h('p', {}, kind === 'line'
        ? `Made from the plan's line “${title}”: the offer stays linked to it, so the line counts its places.`
        : `A briefing on the learning trigger “${title}”: the offer stays linked to it.`),
      h('button', { type: 'button', class: 'link', onclick: () => { setLine(null, ''); schedule(); } }, kind === 'line' ? 'Not from this line' : 'Not from this trigger'),
    ] : []);
  }
  const fill = (from: { id: string; title: string; offerValues: Record<string, string> }, kind: 'line' | 'trigger') => {
    for (const f of fields) {
      const value = from.offerValues[f.name];
      if (value === undefined) continue;
      if (f.kind === 'multi') checklists.get(f.name)!.set(new Set(value.split(',').filter(Boolean)));
      else if (f.kind === 'checkbox') (inputs.get(f.name) as HTMLInputElement).checked = value === 'true';
      else inputs.get(f.name)!.value = value;
    }
    setLine(from.id, from.title, kind);
    schedule();
    const title = inputs.get('title')!;
    title.scrollIntoView({ block: 'center' });
    title.focus();
    announce(`The offer composer is filled from “${from.title}”: add the date and where, then send.`);
  };
  const fromLine: Composer['fromLine'] = (from) => fill(from, 'line');
  const fromTrigger: Composer['fromTrigger'] = (from) => fill({ id: from.id, title: from.summary, offerValues: from.offerValues }, 'trigger');


  const element = h('div', { class: 'composer' },
    form,
    h('div', { class: 'preview-side' },
      h('h3', {}, 'What people will get'),
      errors, audience, reach, suggest, preview,
      h('div', { class: 'actions' }, sendNow, h('label', { for: 'offer-send-at', class: 'inline' }, 'or at'), sendAt, sendLater),
    ),
  );
  return { element, fromLine, fromTrigger };
}
