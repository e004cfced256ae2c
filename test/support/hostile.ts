// Hostile input for the fuzz suite: strings and JSON values a careless or malicious client could
// send, bodies that are not activities at all, and Teams-shaped activities with their fields broken.
import fc from 'fast-check';
import * as teams from './teams';
import type { ActivityOptions, TestUser } from './teams';

/** Strings chosen for what they have broken elsewhere: markup, templates, filters, odd code points. */
export const NASTY_STRINGS = [
  '', ' ', '\u00a0', '\t\r\n', '\u0000', '\u0007bell', '\u001b[31mred', '\u007f', '\u200b', '\ufeff', '\u202eevil', '\ud800', '\udfff', 'a\ud83dz',
  '😀', '👩🏽‍⚕️', '🏳️‍🌈', 'Zoë Ångström', 'مرحبا', '日本語', 'ǅ', 'İ',
  '<at>Weave</at>', '<at>Someone Else</at> help', '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '</div>"\'><b>',
  '**bold** _em_ [link](javascript:alert(1))', '![x](http://127.0.0.1:1/x.png)', '```\ncode\n```', '# heading', '> quote',
  '${cardId}', '${$root.cardId}', '${if(true, "a", "b")}', '${', '}', '{{7*7}}', '%s%s%n', '%00', '%2e%2e%2f',
  "' or 1 eq 1 or PartitionKey ne '", "x' or RowKey ne '", "') or (1 eq 1", 'PartitionKey eq \'\'', '|', 'a|b', '~', '../../etc/passwd', '\\\\server\\share',
  '__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'true', 'false', '0', '-1', '1e309', '2026-02-30', '9999-12-31', '0000-00-00',
  'help', 'add need', 'log cpd', 'profile', 'my plan', 'new offer', '00000000-0000-0000-0000-000000000000',
] as const;

export const nastyString: fc.Arbitrary<string> = fc.constantFrom(...NASTY_STRINGS);

/** Text of any code points (lone surrogates included), nasty pieces, or both run together. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: nastyString, weight: 4 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 40 }), weight: 2 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }), weight: 1 },
  { arbitrary: fc.array(fc.oneof(nastyString, fc.string({ unit: 'binary', maxLength: 8 })), { minLength: 2, maxLength: 6 }).map((parts) => parts.join('')), weight: 2 },
  { arbitrary: fc.tuple(nastyString, fc.integer({ min: 300, max: 12_000 })).map(([s, n]) => (s || 'x').repeat(Math.ceil(n / Math.max(1, s.length)))), weight: 1 },
);

/** Keys that have polluted prototypes before, mixed with ordinary ones. */
export const hostileKey: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', 'cardId', 'verb', 'type', '', ' ', '$root', '${x}'),
  fc.string({ unit: 'binary', maxLength: 12 }),
);

/** An object built so that a `__proto__` key becomes an own property, as JSON.parse makes it. */
export function objectOf(entries: readonly (readonly [string, unknown])[]): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  for (const [k, v] of entries) Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
  return o;
}

/** Arrays or objects nested this deep. */
export function nested(depth: number, kind: 'array' | 'object'): unknown {
  let v: unknown = 'bottom';
  for (let i = 0; i < depth; i++) v = kind === 'array' ? [v] : { a: v };
  return v;
}

/** Any JSON value, with hostile strings and keys, deep nesting and the odd very long string. */
export const hostileValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { arbitrary: hostileString, weight: 6 },
    { arbitrary: fc.oneof(fc.integer(), fc.double(), fc.constantFrom(0, -0, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 0.1 + 0.2)), weight: 2 },
    { arbitrary: fc.boolean(), weight: 1 },
    { arbitrary: fc.constant(null), weight: 1 },
    { arbitrary: fc.array(tie('value'), { maxLength: 4 }), weight: 1 },
    { arbitrary: fc.array(fc.tuple(hostileKey, tie('value')), { maxLength: 4 }).map(objectOf), weight: 1 },
    { arbitrary: fc.tuple(fc.integer({ min: 20, max: 3000 }), fc.constantFrom('array' as const, 'object' as const)).map(([d, k]) => nested(d, k)), weight: 1 },
  ),
})).value;

// ——— Bodies that are not activities ———

export interface RawPost {
  body: string;
  headers: Record<string, string>;
  /** What the case is, for reading a failure. */
  kind: string;
}

const json = (v: unknown) => JSON.stringify(v) ?? 'null';

/** A path into an activity and what to put there: a value, or `DELETE` to leave the field out. */
export const DELETE = Symbol('delete');
type Mutation = readonly [path: readonly string[], value: unknown];

/** Fields of an activity worth breaking; serviceUrl only ever gets values that cannot reach a real host. */
const MUTABLE_PATHS: readonly (readonly string[])[] = [
  ['type'], ['id'], ['channelId'], ['from'], ['from', 'id'], ['from', 'aadObjectId'], ['from', 'name'], ['recipient'], ['recipient', 'id'],
  ['conversation'], ['conversation', 'id'], ['conversation', 'tenantId'], ['conversation', 'conversationType'], ['channelData'], ['channelData', 'tenant'],
  ['channelData', 'team'], ['channelData', 'team', 'id'], ['channelData', 'eventType'], ['value'], ['value', 'action'], ['value', 'action', 'verb'],
  ['value', 'action', 'data'], ['attachments'], ['entities'], ['text'], ['textFormat'], ['name'], ['action'], ['membersAdded'], ['membersRemoved'],
  ['timestamp'], ['localTimestamp'], ['localTimezone'], ['locale'], ['replyToId'], ['__proto__'], ['constructor'],
];

/** Malformed, not merely unreachable: a reply to an unreachable service failing is Weave's error to log. */
const SAFE_SERVICE_URLS = ['', 'not a url', 'ftp://127.0.0.1/', '//', 'http://[::1', 'javascript:alert(1)', 12, null, {}, []] as const;

export const ACTIVITY_TYPES = [
  'message', 'invoke', 'conversationUpdate', 'installationUpdate', 'messageReaction', 'event', 'typing', 'endOfConversation',
  'messageUpdate', 'messageDelete', 'trace', 'handoff', 'command', 'Message', 'MESSAGE', 'unknownType', '',
] as const;

export const INVOKE_NAMES = [
  'adaptiveCard/action', 'composeExtension/query', 'composeExtension/submitAction', 'composeExtension/fetchTask', 'task/fetch', 'task/submit',
  'signin/verifyState', 'signin/tokenExchange', 'fileConsent/invoke', 'config/fetch', 'config/submit', 'actionableMessage/executeAction',
  'tab/fetch', 'healthCheck', 'search', 'handoff/action', 'application/search', '', 'nonsense/invoke',
] as const;

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.tuple(fc.constantFrom(...MUTABLE_PATHS), fc.oneof(fc.constant<unknown>(DELETE), hostileValue)),
  fc.tuple(fc.constant(['type'] as const), fc.constantFrom<unknown>(...ACTIVITY_TYPES)),
  fc.tuple(fc.constant(['name'] as const), fc.constantFrom<unknown>(...INVOKE_NAMES)),
  fc.tuple(fc.constant(['serviceUrl'] as const), fc.constantFrom<unknown>(DELETE, ...SAFE_SERVICE_URLS)),
);

/** The activity with each mutation applied; a path through a non-object is made an object first. */
export function mutate(activity: Record<string, unknown>, mutations: readonly Mutation[]): Record<string, unknown> {
  const copy = structuredClone(activity);
  for (const [path, value] of mutations) {
    let node: Record<string, unknown> = copy;
    for (const key of path.slice(0, -1)) {
      const next = Object.getOwnPropertyDescriptor(node, key)?.value as unknown;
      const child = next && typeof next === 'object' && !Array.isArray(next) ? (next as Record<string, unknown>) : {};
      Object.defineProperty(node, key, { value: child, enumerable: true, writable: true, configurable: true });
      node = child;
    }
    const last = path[path.length - 1]!;
    if (value === DELETE) delete node[last];
    else Object.defineProperty(node, last, { value, enumerable: true, writable: true, configurable: true });
  }
  return copy;
}

/** Someone who could send an activity, and the tenant and service it comes from. */
export interface Sender {
  user: TestUser;
  o: ActivityOptions;
}

/** A Teams activity of any kind, from anyone, to break. */
function baseActivity(senders: readonly Sender[]): fc.Arbitrary<Record<string, unknown>> {
  return fc.tuple(fc.constantFrom(...senders), fc.nat({ max: 6 }), hostileString).map(([{ user, o }, which, text]) => {
    const team = { ...teams.testTeam('Fuzz'), name: text };
    switch (which) {
      case 0: return teams.personalMessage(user, text, o);
      case 1: return teams.personalInstall(user, o);
      case 2: return teams.personalUninstall(user, o);
      case 3: return teams.cardAction(user, 'need.add', { cardId: text }, o);
      case 4: return teams.botAddedToTeam(user, team, o);
      case 5: return teams.channelCreated(user, team, { id: `19:${text}@thread.tacv2`, name: text }, o);
      default: return teams.channelMessage(user, team, text, o);
    }
  });
}

/** The activity's JSON grown (in `text`) to exactly `size` bytes. */
export function activityOfSize(activity: Record<string, unknown>, size: number): string {
  const bare = json({ ...activity, text: '' });
  return json({ ...activity, text: 'x'.repeat(Math.max(0, size - Buffer.byteLength(bare, 'utf8'))) });
}

/**
 * Request bodies a messaging endpoint must refuse or shrug off: not JSON, JSON that is not an
 * object, activities with fields missing or of the wrong type, sizes either side of `limit`.
 */
export function malformedPost(senders: readonly Sender[], limit: number): fc.Arbitrary<RawPost> {
  const headers = { 'content-type': 'application/json' };
  return fc.oneof(
    fc.oneof(
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.constantFrom('', 'not json', '{', '{"type":', '{"type":"message",}', "{'type':'message'}", '\ufeff{"type":"message"}', 'NaN', 'undefined', '[1,2', '{"a":1}{"b":2}'),
    ).map((body) => ({ body, headers, kind: 'not JSON' })),
    fc.oneof(fc.constant(null), fc.integer(), fc.boolean(), hostileString, fc.array(hostileValue, { maxLength: 4 }))
      .map((v) => ({ body: json(v), headers, kind: 'JSON, not an object' })),
    fc.tuple(fc.integer({ min: 1000, max: 60_000 }), fc.constantFrom('[', '{"a":'))
      .map(([depth, open]) => ({ body: `${open.repeat(depth)}1${(open === '[' ? ']' : '}').repeat(depth)}`, headers, kind: 'deeply nested JSON' })),
    fc.array(fc.tuple(hostileKey, hostileValue), { maxLength: 6 })
      .map((entries) => ({ body: json(objectOf(entries)), headers, kind: 'object of hostile fields' })),
    fc.tuple(baseActivity(senders), fc.array(mutation, { minLength: 1, maxLength: 5 }))
      .map(([a, ms]) => ({ body: json(mutate(a, ms)), headers, kind: `activity with ${ms.map(([p]) => p.join('.')).join(', ')} broken` })),
    fc.tuple(baseActivity(senders), fc.constantFrom('{"polluted":true}', '{"prototype":{"polluted":true}}'), fc.constantFrom('__proto__', 'constructor'))
      .map(([a, payload, key]) => ({ body: json(a).replace(/^\{/, `{"${key}":${payload},`).replace('"from":{', `"from":{"${key}":${payload},`), headers, kind: `prototype pollution through ${key}` })),
    fc.tuple(fc.constantFrom(...senders), fc.integer({ min: -64, max: 64 }))
      .map(([{ user, o }, delta]) => ({ body: activityOfSize(teams.personalMessage(user, '', o), limit + delta), headers, kind: `${delta > 0 ? 'over' : 'at or under'} the size limit by ${Math.abs(delta)}` })),
    fc.tuple(baseActivity(senders), fc.oneof(hostileString, fc.constantFrom('Bearer x', 'Bearer ', 'Basic YTpi', 'Bearer eyJhbGciOiJub25lIn0.eyJ4IjoxfQ.')))
      .map(([a, auth]) => ({ body: json(a), headers: { ...headers, authorization: auth.replace(/[^\t\x20-\x7e]/g, '') }, kind: 'activity with a forged authorization header' })),
    fc.tuple(baseActivity(senders), fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data', ''))
      .map(([a, type]) => ({ body: json(a), headers: { 'content-type': type }, kind: `activity sent as ${type || 'no content type'}` })),
  );
}

// ——— Well-formed activities with hostile content ———

/** What someone might type: command words with junk, mentions, markup, templates, filters, long text. */
export function hostileText(commandWords: readonly string[]): fc.Arbitrary<string> {
  const command = fc.constantFrom(...commandWords);
  return fc.oneof(
    fc.tuple(command, hostileString).map(([c, junk]) => `${c} ${junk}`),
    fc.tuple(command, hostileString).map(([c, junk]) => `${junk}${c}`),
    fc.tuple(command, fc.constantFrom('<at>Weave</at> ', '<at>Weave</at>', '/', '  ', '&nbsp;', '\u200b', '<p>', '**')).map(([c, pre]) => `${pre}${c.toUpperCase()}`),
    fc.tuple(command, fc.constantFrom('?', '!', '...', '\u0000', '\ud800', '😀')).map(([c, post]) => `${c}${post}`),
    hostileString,
    fc.integer({ min: 5_000, max: 100_000 }).map((n) => 'long text '.repeat(n / 10)),
  );
}
