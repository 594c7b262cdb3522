import { MESSAGES } from '../engine';

/** How long a second click waits for the run in progress before it is told so. */
const WAIT_MS = 500;

/**
 * One writer at a time per document: a second click (another tab, another coordinator) gets a clear
 * message instead of two runs writing into each other. Pending writes are flushed before the lock is
 * released, so that whoever takes it next reads what this run wrote.
 */
export function withLock<T>(fn: () => T): T {
  const lock = LockService.getDocumentLock();
  if (!lock || !lock.tryLock(WAIT_MS)) throw new Error(MESSAGES.busy);
  try {
    return fn();
  } finally {
    try {
      SpreadsheetApp.flush();
    } catch (e) {
      // Apps Script applies what is pending when the execution ends anyway; the run's own outcome counts.
      console.warn(`SpreadsheetApp.flush: ${(e as Error).message}`);
    } finally {
      lock.releaseLock();
    }
  }
}
