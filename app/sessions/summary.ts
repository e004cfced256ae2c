// The supervisor's copy of someone's preparation, sent the working day before the session.
import type { StoredSession } from '../../store/sessions';
import type { AppDeps } from '../deps';

/** Sends a supervisor the summary of someone's preparation: once for each version of the answers. True if this call queued it. */
export async function sendSummary(deps: Pick<AppDeps, 'outbox'>, session: StoredSession, supervisorId: string): Promise<boolean> {
  const { queued } = await deps.outbox.issueAndQueue({
    tenantId: session.tenantId,
    batch: `summary|${session.key}|${session.answeredAt ?? 'unprepared'}`,
    recipientId: supervisorId,
    kind: 'sessionSummary',
    context: { sessionKey: session.key },
  });
  return queued;
}
