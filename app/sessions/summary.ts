// The supervisor's copy of someone's preparation, sent the working day before the session.
import type { StoredSession } from '../../store/sessions';
import type { AppDeps } from '../deps';

/** Sends a supervisor the summary of someone's preparation: once for each version of the answers. */
export async function sendSummary(deps: Pick<AppDeps, 'outbox'>, session: StoredSession, supervisorId: string): Promise<void> {
  await deps.outbox.sendCard({
    tenantId: session.tenantId,
    batch: `summary|${session.key}|${session.answeredAt ?? 'unprepared'}`,
    recipientId: supervisorId,
    kind: 'sessionSummary',
    context: { sessionKey: session.key },
  });
}
