/**
 * Failure injection for the in-memory Apps Script services: the k-th call of a method fails the way
 * Google's calls do (an `Exception` with Google's text, and no effect at all), or the execution is
 * stopped there (the 6-minute limit: that call and every later one fail, so no clean-up code of the
 * add-on reaches the spreadsheet). The trace of calls tells a test which k to try.
 */
import { AppsScriptException, CallCounter } from './fakeBase';

/** What Apps Script says when the Sheets service fails a call (the commonest transient error). */
export const serviceError = (documentId: string): string => `Service Spreadsheets failed while accessing document with id ${documentId}.`;

/** What the execution log shows when Apps Script stops a run at its time limit. */
export const TIME_LIMIT_ERROR = 'Exceeded maximum execution time';

const WRITES = [
  /^Spreadsheet\.(insertSheet|deleteSheet|setActiveSheet)$/,
  /^Sheet\.(set\w+|insert\w+|delete\w+|clear\w*|hideSheet|showSheet|activate|appendRow|removeChart|updateChart|autoResize\w+)$/,
  /^Range\.(set\w+|insert\w+|clear\w*|merge\w*|breakApart|check|uncheck|removeCheckboxes|activate)$/,
];

/** True for a call that changes the spreadsheet (what a failure test makes fail); reads never fail. */
export function isWriteCall(name: string): boolean {
  return WRITES.some((re) => re.test(name));
}

interface Armed {
  call: string;
  occurrence: number;
  seen: number;
  kill: boolean;
}

export class FaultInjector {
  /** Every outermost service call since the last `reset`, in order. */
  readonly trace: string[] = [];
  private armed: Armed | null = null;
  private stopped = false;
  private firedAt: string | null = null;

  constructor(calls: CallCounter, private readonly documentId: string) {
    calls.observe((name) => this.onCall(name));
  }

  /** The `occurrence`-th call of `call` (1-based, counted from now, e.g. 'Range.setValues') fails, once. */
  failOn(call: string, occurrence = 1): void {
    this.armed = { call, occurrence, seen: 0, kill: false };
  }

  /** The execution is stopped at the `occurrence`-th call of `call`: it and every later call fail until `reset`. */
  stopAt(call: string, occurrence = 1): void {
    this.armed = { call, occurrence, seen: 0, kill: true };
  }

  /** The call that failed (`Range.setValues#3`), or null when nothing has. */
  get fired(): string | null {
    return this.firedAt;
  }

  /** Disarms, ends a stopped execution and clears the trace. */
  reset(): void {
    this.armed = null;
    this.stopped = false;
    this.firedAt = null;
    this.trace.length = 0;
  }

  /** The write calls of the trace as [call, occurrence] pairs: every k a failure test must try. */
  writePoints(): Array<[string, number]> {
    const seen = new Map<string, number>();
    const points: Array<[string, number]> = [];
    for (const name of this.trace) {
      if (!isWriteCall(name)) continue;
      const n = (seen.get(name) ?? 0) + 1;
      seen.set(name, n);
      points.push([name, n]);
    }
    return points;
  }

  private onCall(name: string): void {
    this.trace.push(name);
    if (this.stopped) throw new AppsScriptException(TIME_LIMIT_ERROR);
    const armed = this.armed;
    if (!armed || armed.call !== name) return;
    armed.seen++;
    if (armed.seen !== armed.occurrence) return;
    this.armed = null;
    this.firedAt = `${name}#${armed.occurrence}`;
    if (armed.kill) {
      this.stopped = true;
      throw new AppsScriptException(TIME_LIMIT_ERROR);
    }
    throw new AppsScriptException(serviceError(this.documentId));
  }
}
