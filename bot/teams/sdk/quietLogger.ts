// The Teams SDK logs through this: it would log whole activities (people's words) at debug level
// and raw errors at error level. Weave keeps its own rule — event names and codes, never content —
// so only the SDK's errors get through, as an event with no fields.
import type { ILogger } from '@microsoft/teams.common';
import type { Logger } from '../../../core/log';

export function quietLogger(log: Logger): ILogger {
  const logger: ILogger = {
    debug() {},
    info() {},
    trace() {},
    warn() {},
    error() {
      log.warn('teams_sdk.error');
    },
    log(level) {
      if (level === 'error') logger.error();
    },
    child: () => logger,
  };
  return logger;
}
