// Whether an Authorization header could hold a Bot Framework token at all, decided before any key is
// fetched: a token that cannot be one (no signature, `alg: none`, not JSON) is the caller's fault
// and is refused with 401 even when Microsoft's keys are out of reach. Both bot SDK seams use it.

/** Bot Framework signs its tokens with RS256 only. */
const SIGNED_WITH = 'RS256';
const BASE64URL = /^[A-Za-z0-9_-]+$/;

function jsonObject(part: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** The token in a `Bearer` header if it is a signed JWT of the kind Bot Framework issues; otherwise undefined. */
export function wellFormedBearer(authorization: string | null | undefined): string | undefined {
  const match = /^Bearer ([^\s]+)$/.exec(authorization ?? '');
  if (!match) return undefined;
  const parts = match[1]!.split('.');
  if (parts.length !== 3 || !parts.every((p) => BASE64URL.test(p))) return undefined;
  const header = jsonObject(parts[0]!);
  if (header?.alg !== SIGNED_WITH || typeof header.kid !== 'string' || !header.kid) return undefined;
  return jsonObject(parts[1]!) ? match[1] : undefined;
}
