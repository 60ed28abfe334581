// Wraps request handlers so that an exception or a cancelled request answers with an empty result
// and a log line: one bad document must never take the server down.
import { CancellationToken, LSPErrorCodes, ResponseError } from 'vscode-languageserver';

export interface Logger {
  error(message: string): void;
}

export function safeHandler<P, R>(
  logger: Logger,
  name: string,
  empty: R,
  handler: (params: P, token: CancellationToken) => R | Promise<R>,
): (params: P, token: CancellationToken) => Promise<R | ResponseError<never>> {
  return async (params, token) => {
    if (token?.isCancellationRequested) return new ResponseError<never>(LSPErrorCodes.RequestCancelled, 'Request cancelled');
    try {
      return await handler(params, token);
    } catch (error) {
      logger.error(`${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return empty;
    }
  };
}

/** Runs a notification handler, logging instead of throwing. */
export function safely(logger: Logger, name: string, action: () => void | Promise<void>): void {
  try {
    const result = action();
    if (result instanceof Promise) {
      result.catch((error: unknown) => logger.error(`${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`));
    }
  } catch (error) {
    logger.error(`${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
}
