// The Bot Framework channel's signing keys: its OpenID metadata names a JWKS, fetched here and kept
// for a day. A key id not in the set makes it fetch again, at most every five minutes, so a forged
// kid cannot make Weave hammer Microsoft. Fetch failures are reported as such: the caller answers 503.
import { z } from 'zod';

const KEEP_MS = 24 * 60 * 60 * 1000;
const REFETCH_UNKNOWN_KID_AFTER_MS = 5 * 60 * 1000;
const FETCH_TIMEOUT_MS = 10_000;

const metadata = z.object({ jwks_uri: z.url() });
const jwk = z.object({ kid: z.string(), kty: z.literal('RSA'), n: z.string(), e: z.string(), endorsements: z.array(z.string()).optional() });
export type SigningKey = z.infer<typeof jwk>;
const jwks = z.object({ keys: z.array(z.unknown()) });

/** The keys could not be fetched or read: Weave cannot check a token just now. */
export class KeysUnavailable extends Error {
  constructor(reason: string) {
    super(`Bot Framework signing keys unavailable: ${reason}`);
    this.name = 'KeysUnavailable';
  }
}

async function getJson(url: string): Promise<unknown> {
  let res: Response;
  try {
    res = await fetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
  } catch (err) {
    throw new KeysUnavailable((err as Error).name);
  }
  if (!res.ok) throw new KeysUnavailable(`HTTP ${res.status}`);
  return res.json().catch(() => { throw new KeysUnavailable('not JSON'); });
}

export class OpenIdKeys {
  private keys: SigningKey[] = [];
  private fetchedAt = 0;
  private fetching: Promise<void> | undefined;

  constructor(private readonly metadataUrl: string, private readonly now: () => number = Date.now) {}

  /** The key with this id, or undefined if the channel does not publish one. Throws KeysUnavailable. */
  async find(kid: string): Promise<SigningKey | undefined> {
    const age = this.now() - this.fetchedAt;
    if (this.fetchedAt === 0 || age > KEEP_MS) await this.refresh();
    let key = this.keys.find((k) => k.kid === kid);
    if (!key && age > REFETCH_UNKNOWN_KID_AFTER_MS) {
      await this.refresh();
      key = this.keys.find((k) => k.kid === kid);
    }
    return key;
  }

  private refresh(): Promise<void> {
    this.fetching ??= (async () => {
      const meta = metadata.safeParse(await getJson(this.metadataUrl));
      if (!meta.success) throw new KeysUnavailable('metadata without a jwks_uri');
      const set = jwks.safeParse(await getJson(meta.data.jwks_uri));
      if (!set.success) throw new KeysUnavailable('not a key set');
      this.keys = set.data.keys.flatMap((k) => { const parsed = jwk.safeParse(k); return parsed.success ? [parsed.data] : []; });
      this.fetchedAt = this.now();
    })().finally(() => { this.fetching = undefined; });
    return this.fetching;
  }
}
