// Reading HTTP outcomes off errors thrown by the Azure and Bot Framework SDKs.

/** The HTTP status an SDK error carries, whichever property that SDK puts it in. */
export function httpStatusOf(err: unknown): number | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const e = err as { statusCode?: unknown; status?: unknown; response?: { status?: unknown } };
  const status = e.statusCode ?? e.status ?? e.response?.status;
  return typeof status === 'number' ? status : undefined;
}

const NETWORK_CODES = /^(ECONNRESET|ECONNREFUSED|ECONNABORTED|ETIMEDOUT|EPIPE|EAI_AGAIN|ENOTFOUND|UND_ERR_\w+)$/;

/**
 * Worth trying again: throttling, a server or network failing, or a token that could not be got
 * this time. Anything else (our own bug, a request Teams will always refuse) is not.
 */
export function isTransient(err: unknown): boolean {
  const status = httpStatusOf(err);
  if (status !== undefined) return status === 401 || status === 408 || status === 412 || status === 429 || status >= 500;
  const e = err as { code?: unknown; name?: unknown } | null;
  return (typeof e?.code === 'string' && NETWORK_CODES.test(e.code))
    || (typeof e?.name === 'string' && /Abort|Timeout|Auth|Credential|Token/.test(e.name));
}
