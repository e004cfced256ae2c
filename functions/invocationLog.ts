// Logs carry the Functions invocation they belong to (a correlation id), without every call site
// passing it on: the invocation context travels with the async call chain.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { InvocationContext } from '@azure/functions';
import { createLogger, jsonLineSink, type LogLevel, type Logger, type LogSink } from '../core/log';

const current = new AsyncLocalStorage<InvocationContext>();

export function withInvocation<T>(context: InvocationContext, work: () => Promise<T>): Promise<T> {
  return current.run(context, work);
}

/** Inside an invocation, log through its context (Application Insights traces carry its ids); otherwise JSON lines. */
const invocationSink: LogSink = (level, event, fields) => {
  const context = current.getStore();
  if (!context) return jsonLineSink(level, event, fields);
  const line = JSON.stringify({ event, ...fields, invocationId: context.invocationId });
  if (level === 'error') context.error(line);
  else if (level === 'warn') context.warn(line);
  else if (level === 'debug') context.debug(line);
  else context.info(line);
};

export function createAppLogger(level: LogLevel): Logger {
  return createLogger(invocationSink, level);
}
