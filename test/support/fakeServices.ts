/// <reference types="google-apps-script" />
/**
 * The Apps Script services around SpreadsheetApp: HtmlService, LockService, ScriptApp, Session,
 * Utilities, Logger, PropertiesService, Charts and console. Same rules as fakeSpreadsheetApp.ts:
 * each class implements a Pick of the real interface with exactly the members it has.
 */
import { AppsScriptException, Assert, CallCounter, CountedFake, ExactApi, countCalls, expose, fakeEnum, isDate } from './fakeBase';
import { formatDatePattern } from './timeZone';

type HtmlService = GoogleAppsScript.HTML.HtmlService;
type HtmlOutput = GoogleAppsScript.HTML.HtmlOutput;
type LockService = GoogleAppsScript.Lock.LockService;
type Lock = GoogleAppsScript.Lock.Lock;
type ScriptApp = GoogleAppsScript.Script.ScriptApp;
type Session = GoogleAppsScript.Base.Session;
type Utilities = GoogleAppsScript.Utilities.Utilities;
type Logger = GoogleAppsScript.Base.Logger;
type PropertiesService = GoogleAppsScript.Properties.PropertiesService;
type Properties = GoogleAppsScript.Properties.Properties;
type Charts = GoogleAppsScript.Charts.Charts;

// ===== HtmlService ================================================================================

type HtmlOutputMember =
  | 'append'
  | 'getContent'
  | 'getHeight'
  | 'getTitle'
  | 'getWidth'
  | 'setContent'
  | 'setHeight'
  | 'setSandboxMode'
  | 'setTitle'
  | 'setWidth'
  | 'setXFrameOptionsMode';

class FakeHtmlOutput extends CountedFake implements Pick<HtmlOutput, HtmlOutputMember> {
  private content: string;
  private title = '';
  private width: number | null = null;
  private height: number | null = null;

  constructor(calls: CallCounter, content: string) {
    super(calls);
    this.content = content;
  }

  append(addedContent: string): HtmlOutput {
    this.content += String(addedContent);
    return expose<HtmlOutput>(this);
  }

  getContent(): string {
    return this.content;
  }

  /** null when never set (the real service returns its own default). */
  getHeight(): number {
    return this.height as number;
  }

  getTitle(): string {
    return this.title;
  }

  /** null when never set (the real service returns its own default). */
  getWidth(): number {
    return this.width as number;
  }

  setContent(content: string): HtmlOutput {
    this.content = String(content);
    return expose<HtmlOutput>(this);
  }

  setHeight(height: number): HtmlOutput {
    this.height = height;
    return expose<HtmlOutput>(this);
  }

  setSandboxMode(_mode: GoogleAppsScript.HTML.SandboxMode): HtmlOutput {
    return expose<HtmlOutput>(this);
  }

  setTitle(title: string): HtmlOutput {
    this.title = String(title);
    return expose<HtmlOutput>(this);
  }

  setWidth(width: number): HtmlOutput {
    this.width = width;
    return expose<HtmlOutput>(this);
  }

  setXFrameOptionsMode(_mode: GoogleAppsScript.HTML.XFrameOptionsMode): HtmlOutput {
    return expose<HtmlOutput>(this);
  }
}
type _HtmlOutputIsExact = Assert<ExactApi<FakeHtmlOutput, HtmlOutput, HtmlOutputMember>>;

type HtmlServiceMember = 'SandboxMode' | 'XFrameOptionsMode' | 'createHtmlOutput' | 'createHtmlOutputFromFile';

class FakeHtmlService extends CountedFake implements Pick<HtmlService, HtmlServiceMember> {
  readonly SandboxMode = fakeEnum<typeof GoogleAppsScript.HTML.SandboxMode>('EMULATED', 'IFRAME', 'NATIVE');
  readonly XFrameOptionsMode = fakeEnum<typeof GoogleAppsScript.HTML.XFrameOptionsMode>('ALLOWALL', 'DEFAULT');
  private readonly files: Readonly<Record<string, string>>;

  constructor(calls: CallCounter, files: Readonly<Record<string, string>>) {
    super(calls);
    this.files = files;
  }

  createHtmlOutput(html?: string | GoogleAppsScript.Base.BlobSource): HtmlOutput {
    const content =
      html === undefined ? '' : typeof html === 'string' ? html : html.getBlob().getDataAsString();
    return expose<HtmlOutput>(new FakeHtmlOutput(this.callCounter, content));
  }

  /** Looks the file up by project file name, with or without ".html", in the map given to the environment. */
  createHtmlOutputFromFile(filename: string): HtmlOutput {
    const name = String(filename).replace(/\.html$/, '');
    const content = this.files[name] ?? this.files[`${name}.html`];
    if (content === undefined) throw new AppsScriptException(`No HTML file named ${name} was found.`);
    return expose<HtmlOutput>(new FakeHtmlOutput(this.callCounter, content));
  }
}
type _HtmlServiceIsExact = Assert<ExactApi<FakeHtmlService, HtmlService, HtmlServiceMember>>;

// ===== LockService ================================================================================

export type LockScope = 'document' | 'script' | 'user';

export interface LockEvent {
  scope: LockScope;
  action: 'tryLock' | 'waitLock' | 'releaseLock' | 'releasedAtExecutionEnd';
  timeoutMs?: number;
  acquired?: boolean;
}

interface OtherHolder {
  /** The other user releases the lock after this many ms of waiting; Infinity = never. */
  releaseAfterMs: number;
}

export const LOCK_TIMEOUT_MESSAGE = 'Lock timeout: another process was holding the lock for too long.';

/**
 * Lock state shared by every Lock object of one environment. The add-on (the code under test) is one
 * execution; "another user" is simulated. No real time passes: a wait succeeds when the other user
 * would release within the requested timeout.
 */
export class LockSimulator {
  readonly events: LockEvent[] = [];
  private readonly others = new Map<LockScope, OtherHolder>();
  private readonly addonHolds = new Set<LockScope>();

  /** Another user holds the lock; it releases it after `releaseAfterMs` of waiting (default: never). */
  holdByAnotherUser(scope: LockScope, options: { releaseAfterMs?: number } = {}): void {
    this.others.set(scope, { releaseAfterMs: options.releaseAfterMs ?? Infinity });
  }

  releaseByAnotherUser(scope: LockScope): void {
    this.others.delete(scope);
  }

  isHeldByAnotherUser(scope: LockScope): boolean {
    return this.others.has(scope);
  }

  /** Scopes the add-on currently holds (should be empty after a well-behaved call). */
  heldByAddon(): LockScope[] {
    return [...this.addonHolds];
  }

  /** Apps Script releases locks when an execution ends; the vm handle calls this after each call. */
  endExecution(): void {
    for (const scope of this.addonHolds) this.events.push({ scope, action: 'releasedAtExecutionEnd' });
    this.addonHolds.clear();
  }

  acquire(scope: LockScope, action: 'tryLock' | 'waitLock', timeoutMs: number): boolean {
    const other = this.others.get(scope);
    let acquired = true;
    if (other) {
      acquired = other.releaseAfterMs <= timeoutMs;
      if (acquired) this.others.delete(scope);
    }
    if (acquired) this.addonHolds.add(scope);
    this.events.push({ scope, action, timeoutMs, acquired });
    return acquired;
  }

  release(scope: LockScope): void {
    this.addonHolds.delete(scope);
    this.events.push({ scope, action: 'releaseLock' });
  }
}

class FakeLock extends CountedFake implements Pick<Lock, 'hasLock' | 'releaseLock' | 'tryLock' | 'waitLock'> {
  private readonly simulator: LockSimulator;
  private readonly scope: LockScope;
  private held = false;

  constructor(calls: CallCounter, simulator: LockSimulator, scope: LockScope) {
    super(calls);
    this.simulator = simulator;
    this.scope = scope;
  }

  hasLock(): boolean {
    return this.held && this.simulator.heldByAddon().includes(this.scope);
  }

  releaseLock(): void {
    if (this.held) this.simulator.release(this.scope);
    this.held = false;
  }

  tryLock(timeoutInMillis: number): boolean {
    this.held = this.simulator.acquire(this.scope, 'tryLock', timeoutInMillis);
    return this.held;
  }

  waitLock(timeoutInMillis: number): void {
    this.held = this.simulator.acquire(this.scope, 'waitLock', timeoutInMillis);
    if (!this.held) throw new AppsScriptException(LOCK_TIMEOUT_MESSAGE);
  }
}
type _LockIsExact = Assert<ExactApi<FakeLock, Lock, 'hasLock' | 'releaseLock' | 'tryLock' | 'waitLock'>>;

class FakeLockService extends CountedFake implements Pick<LockService, 'getDocumentLock' | 'getScriptLock' | 'getUserLock'> {
  private readonly simulator: LockSimulator;

  constructor(calls: CallCounter, simulator: LockSimulator) {
    super(calls);
    this.simulator = simulator;
  }

  getDocumentLock(): Lock {
    return expose<Lock>(new FakeLock(this.callCounter, this.simulator, 'document'));
  }

  getScriptLock(): Lock {
    return expose<Lock>(new FakeLock(this.callCounter, this.simulator, 'script'));
  }

  getUserLock(): Lock {
    return expose<Lock>(new FakeLock(this.callCounter, this.simulator, 'user'));
  }
}
type _LockServiceIsExact = Assert<ExactApi<FakeLockService, LockService, 'getDocumentLock' | 'getScriptLock' | 'getUserLock'>>;

// ===== ScriptApp, Session, Utilities, Logger, Charts ==============================================

/**
 * Granular consent (ScriptApp.requireScopes): the scopes the manifest declares, those the user has
 * granted so far, and every consent screen shown. A feature that needs a scope the user has not
 * granted ends its execution with the prompt, as in Apps Script; `grant` plays the user's «Разрешить».
 */
export class AuthorizationSimulator {
  readonly granted = new Set<string>();
  readonly prompts: string[][] = [];

  constructor(readonly manifestScopes: readonly string[], granted: readonly string[]) {
    for (const s of granted) this.granted.add(s);
  }

  grant(...scopes: string[]): void {
    for (const s of scopes) this.granted.add(s);
  }
}

export const AUTHORIZATION_REQUIRED_MESSAGE = 'Authorization is required to perform that action.';

class FakeScriptApp extends CountedFake implements Pick<ScriptApp, 'AuthMode' | 'requireScopes'> {
  readonly AuthMode = fakeEnum<typeof GoogleAppsScript.Script.AuthMode>('NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL');
  private readonly auth: AuthorizationSimulator;

  constructor(calls: CallCounter, auth: AuthorizationSimulator) {
    super(calls);
    this.auth = auth;
  }

  requireScopes(authMode: GoogleAppsScript.Script.AuthMode, oAuthScopes: string[]): void {
    if (String(authMode) !== 'FULL') throw new AppsScriptException('requireScopes: only AuthMode.FULL is supported.');
    const undeclared = oAuthScopes.filter((s) => !this.auth.manifestScopes.includes(s));
    if (undeclared.length > 0) throw new AppsScriptException(`The script does not have permission to request scopes: ${undeclared.join(', ')}`);
    const missing = oAuthScopes.filter((s) => !this.auth.granted.has(s));
    if (missing.length === 0) return;
    this.auth.prompts.push(missing);
    throw new AppsScriptException(AUTHORIZATION_REQUIRED_MESSAGE);
  }
}
type _ScriptAppIsExact = Assert<ExactApi<FakeScriptApp, ScriptApp, 'AuthMode' | 'requireScopes'>>;

class FakeSession extends CountedFake implements Pick<Session, 'getActiveUserLocale' | 'getScriptTimeZone'> {
  private readonly timeZone: string;
  private readonly userLocale: string;

  constructor(calls: CallCounter, timeZone: string, userLocale: string) {
    super(calls);
    this.timeZone = timeZone;
    this.userLocale = userLocale;
  }

  getActiveUserLocale(): string {
    return this.userLocale;
  }

  getScriptTimeZone(): string {
    return this.timeZone;
  }
}
type _SessionIsExact = Assert<ExactApi<FakeSession, Session, 'getActiveUserLocale' | 'getScriptTimeZone'>>;

class FakeUtilities extends CountedFake implements Pick<Utilities, 'formatDate'> {
  constructor(calls: CallCounter) {
    super(calls);
  }

  /** SimpleDateFormat patterns: yyyy yy MM MMM MMMM dd HH hh mm ss SSS a EEE Z XXX, 'quoted text'. */
  formatDate(date: GoogleAppsScript.Base.Date, timeZone: string, format: string): string {
    if (!isDate(date)) {
      throw new AppsScriptException(
        "The parameters (" + typeof date + ",String,String) don't match the method signature for Utilities.formatDate.",
      );
    }
    return formatDatePattern(date as unknown as Date, timeZone, format);
  }
}
type _UtilitiesIsExact = Assert<ExactApi<FakeUtilities, Utilities, 'formatDate'>>;

export interface LogLine {
  source: 'Logger' | 'console';
  level: 'log' | 'info' | 'warn' | 'error';
  message: string;
}

function writeLine(lines: LogLine[], echo: boolean, line: LogLine): void {
  lines.push(line);
  if (echo) process.stdout.write(`[${line.source === 'Logger' ? 'Logger' : `console.${line.level}`}] ${line.message}\n`);
}

/** printf-style like Apps Script: "%s items" with arguments; extra arguments are appended. */
function formatLogArguments(values: unknown[]): string {
  if (values.length === 0) return '';
  const [first, ...rest] = values;
  let args = rest;
  let message = typeof first === 'string' ? first : stringify(first);
  if (typeof first === 'string') {
    message = first.replace(/%[sdifoO%]/g, (token) => {
      if (token === '%%') return '%';
      if (args.length === 0) return token;
      const [value, ...remaining] = args;
      args = remaining;
      return stringify(value);
    });
  }
  return [message, ...args.map(stringify)].join(' ');
}

function stringify(value: unknown): string {
  if (typeof value === 'string') return value;
  if (isDate(value)) return value.toString();
  if (value instanceof Error || (typeof value === 'object' && value !== null && 'stack' in value && 'message' in value)) {
    return String((value as Error).stack ?? value);
  }
  if (typeof value === 'object' && value !== null) {
    try {
      return JSON.stringify(value);
    } catch {
      return String(value);
    }
  }
  return String(value);
}

class FakeLogger extends CountedFake implements Pick<Logger, 'clear' | 'getLog' | 'log'> {
  private readonly lines: LogLine[];
  private readonly echo: boolean;

  constructor(calls: CallCounter, lines: LogLine[], echo: boolean) {
    super(calls);
    this.lines = lines;
    this.echo = echo;
  }

  clear(): void {
    for (let i = this.lines.length - 1; i >= 0; i--) if (this.lines[i].source === 'Logger') this.lines.splice(i, 1);
  }

  getLog(): string {
    return this.lines
      .filter((line) => line.source === 'Logger')
      .map((line) => `${line.message}\n`)
      .join('');
  }

  log(formatOrData: any, ...values: any[]): Logger {
    writeLine(this.lines, this.echo, { source: 'Logger', level: 'log', message: formatLogArguments([formatOrData, ...values]) });
    return expose<Logger>(this);
  }
}
type _LoggerIsExact = Assert<ExactApi<FakeLogger, Logger, 'clear' | 'getLog' | 'log'>>;

type ConsoleMember = 'error' | 'info' | 'log' | 'warn';

/** Apps Script's console (Stackdriver logging): lines are recorded, and echoed when asked to. */
class FakeConsole extends CountedFake implements Pick<Console, ConsoleMember> {
  private readonly lines: LogLine[];
  private readonly echo: boolean;

  constructor(calls: CallCounter, lines: LogLine[], echo: boolean) {
    super(calls);
    this.lines = lines;
    this.echo = echo;
  }

  error(...values: any[]): void {
    writeLine(this.lines, this.echo, { source: 'console', level: 'error', message: formatLogArguments(values) });
  }

  info(...values: any[]): void {
    writeLine(this.lines, this.echo, { source: 'console', level: 'info', message: formatLogArguments(values) });
  }

  log(...values: any[]): void {
    writeLine(this.lines, this.echo, { source: 'console', level: 'log', message: formatLogArguments(values) });
  }

  warn(...values: any[]): void {
    writeLine(this.lines, this.echo, { source: 'console', level: 'warn', message: formatLogArguments(values) });
  }
}

type _ConsoleIsExact = Assert<ExactApi<FakeConsole, Console, ConsoleMember>>;

class FakeCharts extends CountedFake implements Pick<Charts, 'ChartType'> {
  readonly ChartType = fakeEnum<typeof GoogleAppsScript.Charts.ChartType>(
    'TIMELINE',
    'AREA',
    'BAR',
    'BUBBLE',
    'CANDLESTICK',
    'COLUMN',
    'COMBO',
    'GAUGE',
    'GEO',
    'HISTOGRAM',
    'RADAR',
    'LINE',
    'ORG',
    'PIE',
    'SCATTER',
    'SPARKLINE',
    'STEPPED_AREA',
    'TABLE',
    'TREEMAP',
    'WATERFALL',
  );

  constructor(calls: CallCounter) {
    super(calls);
  }
}
type _ChartsIsExact = Assert<ExactApi<FakeCharts, Charts, 'ChartType'>>;

// ===== PropertiesService ==========================================================================

type PropertiesMember =
  | 'deleteAllProperties'
  | 'deleteProperty'
  | 'getKeys'
  | 'getProperties'
  | 'getProperty'
  | 'setProperties'
  | 'setProperty';

/** Values are stored as strings, as the real service does (setProperty('n', 5) reads back '5'). */
class FakeProperties extends CountedFake implements Pick<Properties, PropertiesMember> {
  private readonly store: Map<string, string>;

  constructor(calls: CallCounter, store: Map<string, string>) {
    super(calls);
    this.store = store;
  }

  deleteAllProperties(): Properties {
    this.store.clear();
    return expose<Properties>(this);
  }

  deleteProperty(key: string): Properties {
    this.store.delete(String(key));
    return expose<Properties>(this);
  }

  getKeys(): string[] {
    return [...this.store.keys()];
  }

  getProperties(): { [key: string]: string } {
    return Object.fromEntries(this.store);
  }

  getProperty(key: string): string | null {
    return this.store.get(String(key)) ?? null;
  }

  setProperties(properties: { [key: string]: string }, deleteAllOthers?: boolean): Properties {
    if (deleteAllOthers) this.store.clear();
    for (const [key, value] of Object.entries(properties)) this.store.set(key, String(value));
    return expose<Properties>(this);
  }

  setProperty(key: string, value: string): Properties {
    this.store.set(String(key), String(value));
    return expose<Properties>(this);
  }
}
type _PropertiesIsExact = Assert<ExactApi<FakeProperties, Properties, PropertiesMember>>;

export interface PropertyStores {
  document: Map<string, string>;
  user: Map<string, string>;
  script: Map<string, string>;
}

type PropertiesServiceMember = 'getDocumentProperties' | 'getScriptProperties' | 'getUserProperties';

class FakePropertiesService extends CountedFake implements Pick<PropertiesService, PropertiesServiceMember> {
  private readonly stores: PropertyStores;

  constructor(calls: CallCounter, stores: PropertyStores) {
    super(calls);
    this.stores = stores;
  }

  getDocumentProperties(): Properties {
    return expose<Properties>(new FakeProperties(this.callCounter, this.stores.document));
  }

  getScriptProperties(): Properties {
    return expose<Properties>(new FakeProperties(this.callCounter, this.stores.script));
  }

  getUserProperties(): Properties {
    return expose<Properties>(new FakeProperties(this.callCounter, this.stores.user));
  }
}
type _PropertiesServiceIsExact = Assert<ExactApi<FakePropertiesService, PropertiesService, PropertiesServiceMember>>;

for (const [fakeClass, apiName] of [
  [FakeHtmlOutput, 'HtmlOutput'],
  [FakeHtmlService, 'HtmlService'],
  [FakeLock, 'Lock'],
  [FakeLockService, 'LockService'],
  [FakeScriptApp, 'ScriptApp'],
  [FakeSession, 'Session'],
  [FakeUtilities, 'Utilities'],
  [FakeLogger, 'Logger'],
  [FakeConsole, 'console'],
  [FakeCharts, 'Charts'],
  [FakeProperties, 'Properties'],
  [FakePropertiesService, 'PropertiesService'],
] as const) {
  countCalls(fakeClass, apiName);
}

// ===== Factory ====================================================================================

export interface ServiceOptions {
  calls: CallCounter;
  timeZone: string;
  userLocale?: string;
  htmlFiles?: Readonly<Record<string, string>>;
  locks: LockSimulator;
  logs: LogLine[];
  properties: PropertyStores;
  /** Print Logger/console lines to stdout as well (playground). */
  echoLogs?: boolean;
  auth: AuthorizationSimulator;
}

export interface AppsScriptServices {
  HtmlService: HtmlService;
  LockService: LockService;
  ScriptApp: ScriptApp;
  Session: Session;
  Utilities: Utilities;
  Logger: Logger;
  PropertiesService: PropertiesService;
  Charts: Charts;
  console: Console;
}

export function createServices(options: ServiceOptions): AppsScriptServices {
  const { calls } = options;
  const echo = options.echoLogs ?? false;
  return {
    HtmlService: expose<HtmlService>(new FakeHtmlService(calls, options.htmlFiles ?? {})),
    LockService: expose<LockService>(new FakeLockService(calls, options.locks)),
    ScriptApp: expose<ScriptApp>(new FakeScriptApp(calls, options.auth)),
    Session: expose<Session>(new FakeSession(calls, options.timeZone, options.userLocale ?? 'ru')),
    Utilities: expose<Utilities>(new FakeUtilities(calls)),
    Logger: expose<Logger>(new FakeLogger(calls, options.logs, echo)),
    PropertiesService: expose<PropertiesService>(new FakePropertiesService(calls, options.properties)),
    Charts: expose<Charts>(new FakeCharts(calls)),
    console: expose<Console>(new FakeConsole(calls, options.logs, echo)),
  };
}
