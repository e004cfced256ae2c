// Within one turn, the person asking and their conversation are read from storage once: the turn
// reads them to know who is asking, and a card's renderer then asks again for a name or a time zone.
// Reads are remembered for this turn only, and any write through the turn's stores forgets them.
import type { PersonalConversation, ConversationSighting, ConversationStore, ReachStatus } from '../store/conversations';
import type { PeopleStore, PersonPatch, StoredPerson } from '../store/people';
import type { Person } from '../core/people';
import type { RosterChanges } from '../core/rosterPlan';
import type { BotDeps } from './context';

const keyOf = (tenantId: string, aadObjectId: string) => `${tenantId}|${aadObjectId.toLowerCase()}`;

/** Remembers each read's promise; hands every caller its own copy, so none can change another's. */
class Remembered<T> {
  private readonly reads = new Map<string, Promise<T>>();

  get(key: string, read: () => Promise<T>): Promise<T> {
    let found = this.reads.get(key);
    if (!found) {
      found = read();
      this.reads.set(key, found);
      found.catch(() => this.reads.delete(key));
    }
    return found.then((value) => structuredClone(value));
  }

  set(key: string, value: T): void {
    this.reads.set(key, Promise.resolve(structuredClone(value)));
  }

  /** Runs a write, forgetting `key` (or everything) before it and after it, so no read made meanwhile is kept. */
  async writing<R>(key: string | undefined, write: () => Promise<R>): Promise<R> {
    this.forget(key);
    try {
      return await write();
    } finally {
      this.forget(key);
    }
  }

  forget(key?: string): void {
    if (key === undefined) this.reads.clear();
    else this.reads.delete(key);
  }
}

class TurnPeople implements PeopleStore {
  private readonly remembered = new Remembered<StoredPerson | undefined>();
  constructor(private readonly store: PeopleStore) {}

  get(tenantId: string, aadObjectId: string) {
    return this.remembered.get(keyOf(tenantId, aadObjectId), () => this.store.get(tenantId, aadObjectId));
  }
  list(tenantId: string) {
    return this.store.list(tenantId);
  }
  findByEmail(tenantId: string, email: string) {
    return this.store.findByEmail(tenantId, email);
  }
  listDirectReports(tenantId: string, managerId: string) {
    return this.store.listDirectReports(tenantId, managerId);
  }
  rosterTeams(tenantId: string) {
    return this.store.rosterTeams(tenantId);
  }
  applyRoster(tenantId: string, changes: RosterChanges, today: string) {
    return this.remembered.writing(undefined, () => this.store.applyRoster(tenantId, changes, today));
  }
  addSelfIntroduced(person: Person) {
    return this.remembered.writing(keyOf(person.tenantId, person.aadObjectId), () => this.store.addSelfIntroduced(person));
  }
  update(tenantId: string, aadObjectId: string, patch: PersonPatch, etag: string) {
    return this.remembered.writing(keyOf(tenantId, aadObjectId), () => this.store.update(tenantId, aadObjectId, patch, etag));
  }
}

class TurnConversations implements ConversationStore {
  private readonly remembered = new Remembered<PersonalConversation | undefined>();
  constructor(private readonly store: ConversationStore) {}

  get(tenantId: string, aadObjectId: string) {
    return this.remembered.get(keyOf(tenantId, aadObjectId), () => this.store.get(tenantId, aadObjectId));
  }
  async recordSeen(sighting: ConversationSighting) {
    const key = keyOf(sighting.tenantId, sighting.aadObjectId);
    const seen = await this.remembered.writing(key, () => this.store.recordSeen(sighting));
    this.remembered.set(key, seen.conversation);
    return seen;
  }
  setStatus(tenantId: string, aadObjectId: string, status: Exclude<ReachStatus, 'installed'>, at: string) {
    return this.remembered.writing(keyOf(tenantId, aadObjectId), () => this.store.setStatus(tenantId, aadObjectId, status, at));
  }
  list(tenantId: string) {
    return this.store.list(tenantId);
  }
}

/** The same dependencies, with people and conversations read once for this turn. */
export function forOneTurn(deps: BotDeps): BotDeps {
  return { ...deps, people: new TurnPeople(deps.people), conversations: new TurnConversations(deps.conversations) };
}
