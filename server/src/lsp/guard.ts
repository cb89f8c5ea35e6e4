/**
 * The adapter owns failure: a request handler that throws is logged and answered with an
 * empty result, and a cancelled request is answered as cancelled, so that the server keeps
 * serving whatever one request does.
 */
import { LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver';

export type Handler<P, R> = (params: P, token: CancellationToken) => Promise<R> | R;

function cancelled(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'Request cancelled');
}

/** Wraps `handler` so that it never rejects: errors become `empty`, cancellation an error reply. */
export function guard<P, R>(
  name: string,
  log: (message: string) => void,
  empty: R,
  handler: Handler<P, R>,
): (params: P, token: CancellationToken) => Promise<R | ResponseError<void>> {
  return async (params, token) => {
    if (token.isCancellationRequested) return cancelled();
    try {
      const result = await handler(params, token);
      return token.isCancellationRequested ? cancelled() : result;
    } catch (error) {
      log(`${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return empty;
    }
  };
}

/** Wraps a notification handler so that an exception is logged instead of escaping. */
export function guardNotification<P>(name: string, log: (message: string) => void, handler: (params: P) => Promise<void> | void) {
  return async (params: P): Promise<void> => {
    try {
      await handler(params);
    } catch (error) {
      log(`${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  };
}
