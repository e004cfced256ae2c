// Storage failures Weave acts on, as typed errors: the one place that reads Azure Storage's status
// codes. Stores run their calls through these helpers; everything above catches the classes.
import { httpStatusOf } from '../core/errors';

/** The row is not there (404). */
export class NotFoundError extends Error {
  constructor(what: string) {
    super(`${what} is not there`);
    this.name = 'NotFoundError';
  }
}

/** A write lost to someone else's: the row changed since it was read (412, precondition failed). */
export class ConcurrencyError extends Error {
  constructor(what: string) {
    super(`${what} was changed by someone else at the same moment`);
    this.name = 'ConcurrencyError';
  }
}

/** A create lost to someone else's: the row exists already (409). A lost race too, so a ConcurrencyError. */
export class AlreadyExistsError extends ConcurrencyError {
  constructor(what: string) {
    super(what);
    this.name = 'AlreadyExistsError';
  }
}

/** The typed error for a storage failure; the failure itself when it is none of these. */
export function typedStorageError(err: unknown, what: string): unknown {
  switch (httpStatusOf(err)) {
    case 404: return new NotFoundError(what);
    case 409: return new AlreadyExistsError(what);
    case 412: return new ConcurrencyError(what);
    default: return err;
  }
}

/** Runs a storage call; a 404, 409 or 412 comes back as the typed error about `what`. */
export async function stored<T>(what: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    throw typedStorageError(err, what);
  }
}

/** A write that may lose a race by design (a lock, a claim): false when someone else got there first. */
export async function unlessRaced(what: string, call: () => Promise<unknown>): Promise<boolean> {
  try {
    await stored(what, call);
    return true;
  } catch (err) {
    if (err instanceof ConcurrencyError) return false;
    throw err;
  }
}

/** A read, update or delete of a row that may have gone: undefined when it has. */
export async function unlessGone<T>(what: string, call: () => Promise<T>): Promise<T | undefined> {
  try {
    return await stored(what, call);
  } catch (err) {
    if (err instanceof NotFoundError) return undefined;
    throw err;
  }
}
