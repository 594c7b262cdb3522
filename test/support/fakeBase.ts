/**
 * Shared plumbing for the in-memory Apps Script fakes: call counting, the compile-time check that a
 * fake exposes exactly the members it picks from `@types/google-apps-script`, and enum objects.
 */

/** Counts public method calls on fakes by `ApiName.method` (for example `Range.setValues`). */
export class CallCounter {
  private readonly counts = new Map<string, number>();
  private readonly observers: Array<(name: string) => void> = [];
  private depth = 0;

  /**
   * Calls `observer` with the name of every outermost call, after counting it and before it runs
   * (see faults.ts); an observer that throws makes the call fail without any effect, as a failing
   * service does. Returns a function that removes the observer.
   */
  observe(observer: (name: string) => void): () => void {
    this.observers.push(observer);
    return () => {
      const i = this.observers.indexOf(observer);
      if (i >= 0) this.observers.splice(i, 1);
    };
  }

  /** Calls of one method, e.g. `calls.count('Range.setValues')`. */
  count(name: string): number {
    return this.counts.get(name) ?? 0;
  }

  /** Sum of all counts whose name starts with `prefix` (all counts when omitted), e.g. `total('Range.')`. */
  total(prefix = ''): number {
    let sum = 0;
    for (const [name, count] of this.counts) if (name.startsWith(prefix)) sum += count;
    return sum;
  }

  /** Every non-zero count, keys sorted, e.g. `{ 'Range.getValues': 3, 'Sheet.getDataRange': 3 }`. */
  snapshot(): Record<string, number> {
    const result: Record<string, number> = {};
    for (const name of [...this.counts.keys()].sort()) result[name] = this.counts.get(name) ?? 0;
    return result;
  }

  toJSON(): Record<string, number> {
    return this.snapshot();
  }

  reset(): void {
    this.counts.clear();
  }

  /**
   * Runs a fake's method, counting it only when it is the outermost fake call: a fake that reuses
   * another public method internally (getDataRange → getRange) must not inflate the counts.
   */
  record<T>(name: string, invoke: () => T): T {
    if (this.depth === 0) {
      this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
      for (const observer of this.observers) observer(name);
    }
    this.depth++;
    try {
      return invoke();
    } finally {
      this.depth--;
    }
  }
}

/** Base of every fake API object: it knows the counter its method calls go to. */
export abstract class CountedFake {
  protected constructor(protected readonly callCounter: CallCounter) {}
}

type FakeClass = { prototype: CountedFake; name: string };

/**
 * Wraps every method declared on the class's prototype so that calling it increments
 * `${apiName}.${method}`. Fake classes declare only API methods (helpers live in model classes),
 * so every prototype method is a public Apps Script method.
 */
export function countCalls(fakeClass: FakeClass, apiName: string): void {
  const prototype = fakeClass.prototype as unknown as Record<string, unknown>;
  for (const method of Object.getOwnPropertyNames(prototype)) {
    if (method === 'constructor') continue;
    const descriptor = Object.getOwnPropertyDescriptor(prototype, method);
    const original = descriptor?.value;
    if (typeof original !== 'function') continue;
    const counted = function (this: CountedFake, ...args: unknown[]): unknown {
      const counter = (this as unknown as { callCounter: CallCounter }).callCounter;
      return counter.record(`${apiName}.${method}`, () => original.apply(this, args));
    };
    Object.defineProperty(counted, 'name', { value: method });
    Object.defineProperty(prototype, method, { ...descriptor, value: counted });
  }
}

/**
 * Compile-time guard used as `type _ = Assert<ExactApi<FakeRange, Range, RangeMember>>`: the fake's
 * public members are exactly the picked members of the real interface (none invented, none missing).
 */
export type ExactApi<Fake, Real, Member extends keyof Real> = [Exclude<keyof Fake, Member>] extends [never]
  ? [Exclude<Member, keyof Fake>] extends [never]
    ? true
    : { missing: Exclude<Member, keyof Fake> }
  : { invented: Exclude<keyof Fake, Member> };

export type Assert<T extends true> = T;

/**
 * Hands a fake out under the real interface's type. The argument must be assignable to
 * `Partial<Api>`, so every member the fake does have is checked against the real signature; members it
 * lacks are absent at runtime and fail with "... is not a function" if production code calls them.
 */
export function expose<Api>(fake: Partial<Api>): Api {
  return fake as Api;
}

/**
 * Builds an Apps Script enum object. Real enum values are opaque objects whose `toString()` is the
 * member name; the fakes use the member name itself, so `String(e.authMode) === 'LIMITED'` holds in
 * both and comparisons such as `button == ui.Button.YES` keep working.
 */
export function fakeEnum<Enum extends object>(...members: Array<keyof Enum & string>): Enum {
  const result: Record<string, string> = {};
  for (const member of members) result[member] = member;
  return Object.freeze(result) as unknown as Enum;
}

/** Errors thrown by the fakes; the vm bridge re-creates them with `name === 'Exception'` like Apps Script. */
export class AppsScriptException extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Exception';
  }
}

/** Realm-independent Date check: values may come from the add-on's vm context. */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/** How Apps Script names an argument's type in "The parameters (String,number) don't match…" errors. */
export function describeType(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `${value.length ? describeType(value[0]) : 'Object'}[]`;
  if (isDate(value)) return 'Date';
  if (typeof value === 'string') return 'String';
  if (typeof value === 'object') return 'Object';
  return typeof value;
}
