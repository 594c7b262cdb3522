/// <reference types="google-apps-script" />
/**
 * Runs the built add-on bundle (dist/Code.js) in a fresh `vm` context whose only globals are the
 * in-memory Apps Script services plus the standard JavaScript built-ins: no require, process, module,
 * exports, Buffer, setTimeout, and a globalThis of its own.
 *
 * Values cross between Node's realm and the context's realm through a bridge: arrays, Dates and plain
 * objects are copied into the receiving realm (so `Array.isArray`, `instanceof Array` and
 * `instanceof Date` hold on both sides), service objects are wrapped in proxies that keep identity,
 * and errors are re-created in the receiving realm with the same message (name 'Exception' for
 * errors thrown by the services, as in Apps Script).
 */
import { existsSync, readFileSync } from 'fs';
import { dirname, join } from 'path';
import * as vm from 'vm';
import * as ts from 'typescript';
import { FormulaValue } from './cellValues';
import { FaultInjector } from './faults';
import { CallCounter, isDate } from './fakeBase';
import { FakeWorkbook, SeedSheet, SheetDump, UiLog, createWorkbook } from './fakeSpreadsheetApp';
import { BASE_SCOPES } from '../../src/addon/auth';
import { AppsScriptServices, AuthorizationSimulator, LockScope, LockSimulator, LogLine, PropertyStores, createServices } from './fakeServices';
import { DocumentStore, createDocumentApp } from './fakeDocumentApp';
import { createDocsService } from './fakeDocsApi';
import { FakeForms, createFormApp } from './fakeFormApp';

export interface AppsScriptGlobals extends AppsScriptServices {
  SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  FormApp: GoogleAppsScript.Forms.FormApp;
  DocumentApp: GoogleAppsScript.Document.DocumentApp;
  /** Advanced service «Docs», present when the manifest enables it. */
  Docs?: GoogleAppsScript.Docs;
}

export interface SheetsEnvironmentOptions {
  /** Initial sheets from plain tables (stored as given). Default: one empty sheet «Лист1». */
  sheets?: SeedSheet[];
  spreadsheetName?: string;
  /** Spreadsheet and script time zone. Default 'Europe/Moscow'. */
  timeZone?: string;
  /** Spreadsheet locale. Default 'ru_RU'. */
  locale?: string;
  /** Project HTML files by name for HtmlService.createHtmlOutputFromFile, e.g. { sidebar: '<!doctype html>…' }. */
  htmlFiles?: Record<string, string>;
  /** Lock scopes another user holds from the start (until env.locks.releaseByAnotherUser). */
  locksHeldByAnotherUser?: LockScope[];
  /** false: SpreadsheetApp.getUi() throws, as in triggers and custom functions. Default true. */
  uiAvailable?: boolean;
  documentProperties?: Record<string, string>;
  userProperties?: Record<string, string>;
  scriptProperties?: Record<string, string>;
  /** What getValues() returns for formula cells. Default "#FORMULA =…". */
  formulaValue?: FormulaValue;
  /** Print Logger/console output to stdout too (playground). */
  echoLogs?: boolean;
  /** Scopes of the manifest. Default: appsscript.json of the project. */
  manifestScopes?: string[];
  /** Scopes the user has granted. Default: every manifest scope no feature requests on first use (see src/addon/auth.ts). */
  grantedScopes?: string[];
  /** userSymbols of the enabled advanced services. Default: appsscript.json's dependencies. */
  advancedServices?: string[];
}

export interface AppsScriptEnvironment {
  /** The global objects the add-on sees. */
  readonly globals: AppsScriptGlobals;
  readonly workbook: FakeWorkbook;
  /** Same object as globals.SpreadsheetApp.getActiveSpreadsheet(). */
  readonly spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet;
  /** API call counts by 'Service.method'; calls.reset() between phases. */
  readonly calls: CallCounter;
  /** Menus, alerts, toasts, sidebars and dialogs shown; ui.answerAlertsWith('NO') scripts the user. */
  readonly ui: UiLog;
  /** Lock contention: locks.holdByAnotherUser('document'); locks.events records every attempt. */
  readonly locks: LockSimulator;
  /** Logger.log and console.* lines. */
  readonly logs: LogLine[];
  /** Scopes granted and consent screens shown (ScriptApp.requireScopes). */
  readonly auth: AuthorizationSimulator;
  /** Document/user/script properties, readable and seedable directly. */
  readonly properties: PropertyStores;
  /** Failure injection: faults.failOn('Range.setValues', 3), faults.stopAt(…); faults.trace lists every call. */
  readonly faults: FaultInjector;
  /** The user's Google Forms (FormApp) and the schools that answer them (test/support/fakeFormApp.ts). */
  readonly forms: FakeForms;
  /** Google Docs the add-on created (DocumentApp): documents.all(), documents.dump(id). */
  readonly documents: DocumentStore;
  dumpSheet(name: string): SheetDump;
}


interface Manifest {
  oauthScopes?: string[];
  dependencies?: { enabledAdvancedServices?: { userSymbol: string }[] };
}

/** The project's appsscript.json, found upwards from here (test/support/ in Jest, build/ when bundled for the bench). */
function projectManifest(): Manifest {
  let dir = __dirname;
  while (!existsSync(join(dir, 'appsscript.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return JSON.parse(readFileSync(join(dir, 'appsscript.json'), 'utf8')) as Manifest;
}

function projectManifestScopes(): string[] {
  return projectManifest().oauthScopes ?? [];
}

/** Builds the whole fake Apps Script global set around one in-memory spreadsheet. */
export function sheetsEnvironment(options: SheetsEnvironmentOptions = {}): AppsScriptEnvironment {
  const calls = new CallCounter();
  const ui = new UiLog();
  const timeZone = options.timeZone ?? 'Europe/Moscow';
  const documentId = 'fake-spreadsheet-id';
  const workbook = createWorkbook(options.sheets ?? [], {
    id: documentId,
    name: options.spreadsheetName,
    timeZone,
    locale: options.locale,
    formulaValue: options.formulaValue,
    calls,
    ui,
  });
  const locks = new LockSimulator();
  for (const scope of options.locksHeldByAnotherUser ?? []) locks.holdByAnotherUser(scope);
  const logs: LogLine[] = [];
  const properties: PropertyStores = {
    document: new Map(Object.entries(options.documentProperties ?? {})),
    user: new Map(Object.entries(options.userProperties ?? {})),
    script: new Map(Object.entries(options.scriptProperties ?? {})),
  };
  const manifestScopes = options.manifestScopes ?? projectManifestScopes();
  const auth = new AuthorizationSimulator(manifestScopes, options.grantedScopes ?? manifestScopes.filter((s) => BASE_SCOPES.includes(s)));
  const services = createServices({
    auth,
    calls,
    timeZone,
    htmlFiles: options.htmlFiles,
    locks,
    logs,
    properties,
    echoLogs: options.echoLogs,
  });
  const forms = new FakeForms(calls, auth, [workbook]);
  const documents = new DocumentStore();
  const advanced = options.advancedServices ?? (projectManifest().dependencies?.enabledAdvancedServices ?? []).map((s) => s.userSymbol);
  const globals: AppsScriptGlobals = {
    SpreadsheetApp: workbook.createSpreadsheetApp({ uiAvailable: options.uiAvailable }),
    FormApp: createFormApp(forms),
    DocumentApp: createDocumentApp(calls, documents, auth),
    ...(advanced.includes('Docs') ? { Docs: createDocsService(calls, documents, auth) } : {}),
    ...services,
  };
  return {
    globals,
    workbook,
    spreadsheet: workbook.spreadsheet,
    calls,
    ui,
    locks,
    logs,
    properties,
    auth,
    faults: new FaultInjector(calls, documentId),
    forms,
    documents,
    dumpSheet: (name) => workbook.dumpSheet(name),
  };
}

/**
 * Puts the fake globals on Node's globalThis, for running TypeScript adapter code in-process instead
 * of the bundle. Returns a function that restores the previous globals.
 */
export function installGlobals(env: AppsScriptEnvironment): () => void {
  const host = globalThis as unknown as Record<string, unknown>;
  const previous = new Map<string, PropertyDescriptor | undefined>();
  for (const [name, service] of Object.entries(env.globals)) {
    if (name === 'console') continue;
    previous.set(name, Object.getOwnPropertyDescriptor(host, name));
    Object.defineProperty(host, name, { value: service, configurable: true, writable: true });
  }
  return () => {
    for (const [name, descriptor] of previous) {
      if (descriptor) Object.defineProperty(host, name, descriptor);
      else delete host[name];
    }
  };
}

// ===== The add-on in a vm context =================================================================

export interface AddonHandle {
  /**
   * Calls a top-level function of the bundle as Apps Script would (menu item, google.script.run,
   * custom function, trigger). Arguments are copied into the context's realm, the result back out.
   * Locks still held when it returns are released, as at the end of an Apps Script execution.
   */
  call<T = unknown>(name: string, ...args: unknown[]): T;
  /** Evaluates an expression inside the context (e.g. 'typeof require'); the result is copied out. */
  evaluate<T = unknown>(expression: string): T;
  /** True when `name` is a top-level `function` declaration of the bundle (what Apps Script can call). */
  isTopLevelFunction(name: string): boolean;
  topLevelFunctionNames(): string[];
  readonly env: AppsScriptEnvironment;
}

/** Reads the built bundle (e.g. dist/Code.js) and runs it in a fresh Apps Script-like context. */
export function loadAddon(codeJsPath: string, env: AppsScriptEnvironment): AddonHandle {
  return loadAddonSource(readFileSync(codeJsPath, 'utf8'), env, codeJsPath);
}

export function loadAddonSource(source: string, env: AppsScriptEnvironment, filename = 'Code.js'): AddonHandle {
  const context = vm.createContext({}, { name: `Apps Script: ${filename}` });
  const intrinsics = vm.runInContext('({ Array, Date, Object, Error })', context) as RealmIntrinsics;
  const bridge = new RealmBridge(intrinsics);
  const contextGlobals = context as Record<string, unknown>;
  for (const [name, service] of Object.entries(env.globals)) contextGlobals[name] = bridge.toInner(service);

  vm.runInContext(source, context, { filename });

  let declarations: string[] | undefined;
  const topLevelFunctionNames = (): string[] => (declarations ??= topLevelFunctionDeclarations(source, filename));

  return {
    env,
    call<T>(name: string, ...args: unknown[]): T {
      const fn = contextGlobals[name];
      if (typeof fn !== 'function') throw new Error(`${filename} has no top-level function "${name}"`);
      try {
        return bridge.toOuter(Reflect.apply(fn, undefined, args.map((arg) => bridge.toInner(arg)))) as T;
      } catch (error) {
        throw bridge.toOuterError(error);
      } finally {
        env.locks.endExecution();
      }
    },
    evaluate<T>(expression: string): T {
      try {
        return bridge.toOuter(vm.runInContext(expression, context)) as T;
      } catch (error) {
        throw bridge.toOuterError(error);
      }
    },
    isTopLevelFunction(name: string): boolean {
      return topLevelFunctionNames().includes(name) && typeof contextGlobals[name] === 'function';
    },
    topLevelFunctionNames,
  };
}

function topLevelFunctionDeclarations(source: string, filename: string): string[] {
  const file = ts.createSourceFile(filename, source, ts.ScriptTarget.Latest, false, ts.ScriptKind.JS);
  return file.statements.filter(ts.isFunctionDeclaration).flatMap((statement) => (statement.name ? [statement.name.text] : []));
}

// ===== Realm bridge ===============================================================================

interface RealmIntrinsics {
  Array: ArrayConstructor;
  Date: DateConstructor;
  Object: ObjectConstructor;
  Error: ErrorConstructor;
}

function isPlainObject(value: object): boolean {
  const prototype = Object.getPrototypeOf(value);
  return prototype === null || Object.getPrototypeOf(prototype) === null;
}

/** An Error of any realm (instanceof only recognises the current one). */
interface AnyRealmError {
  name: string;
  message: string;
  stack?: string;
}

function isError(value: unknown): value is AnyRealmError {
  return Object.prototype.toString.call(value) === '[object Error]';
}

class RealmBridge {
  /** Node object → its proxy inside the context, and back. */
  private readonly proxies = new WeakMap<object, object>();
  private readonly targets = new WeakMap<object, object>();

  constructor(private readonly inner: RealmIntrinsics) {}

  toInner(value: unknown): unknown {
    if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return value;
    if (this.targets.has(value)) return value;
    if (Array.isArray(value)) {
      const copy = new this.inner.Array(value.length);
      for (let i = 0; i < value.length; i++) copy[i] = this.toInner(value[i]);
      return copy;
    }
    if (isDate(value)) return new this.inner.Date(value.getTime());
    if (typeof value === 'object' && isPlainObject(value)) {
      const copy = new this.inner.Object() as Record<string, unknown>;
      for (const [key, item] of Object.entries(value)) copy[key] = this.toInner(item);
      return copy;
    }
    return this.proxyFor(value);
  }

  toOuter(value: unknown): unknown {
    if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return value;
    const target = this.targets.get(value);
    if (target) return target;
    if (Array.isArray(value)) return value.map((item) => this.toOuter(item));
    if (isDate(value)) return new Date(value.getTime());
    if (typeof value === 'object' && isPlainObject(value)) {
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, this.toOuter(item)]));
    }
    return value;
  }

  /** A service error becomes an Error of the context's realm named 'Exception', as in Apps Script. */
  toInnerError(error: unknown): unknown {
    if (!isError(error)) return this.toInner(error);
    const innerError = new this.inner.Error(error.message);
    innerError.name = error.name === 'Error' ? 'Exception' : error.name;
    return innerError;
  }

  toOuterError(error: unknown): unknown {
    if (error instanceof Error || !isError(error)) return error;
    const outerError = new Error(error.message);
    outerError.name = error.name;
    outerError.stack = error.stack;
    return outerError;
  }

  private proxyFor(target: object): object {
    const existing = this.proxies.get(target);
    if (existing) return existing;
    const bridge = this;
    // Cached per property so `range.getValues === range.getValues` and frozen enum objects keep identity.
    const members = new Map<PropertyKey, unknown>();
    const proxy = new Proxy(target, {
      get(object, key) {
        const value = Reflect.get(object, key, object);
        if (typeof value !== 'function') {
          if (typeof value !== 'object' || value === null || !Object.isFrozen(value)) return bridge.toInner(value);
          if (!members.has(key)) members.set(key, bridge.toInner(value));
          return members.get(key);
        }
        let method = members.get(key);
        if (!method) {
          method = function (this: unknown, ...args: unknown[]) {
            return bridge.invoke(() => Reflect.apply(value, object, args.map((arg) => bridge.toOuter(arg))));
          };
          members.set(key, method);
        }
        return method;
      },
      set(object, key, value) {
        return Reflect.set(object, key, bridge.toOuter(value), object);
      },
      apply(fn, thisArg, args) {
        return bridge.invoke(() => Reflect.apply(fn as (...a: unknown[]) => unknown, bridge.toOuter(thisArg), args.map((arg) => bridge.toOuter(arg))));
      },
    });
    this.proxies.set(target, proxy);
    this.targets.set(proxy, target);
    return proxy;
  }

  private invoke(run: () => unknown): unknown {
    let result: unknown;
    try {
      result = run();
    } catch (error) {
      throw this.toInnerError(error);
    }
    return this.toInner(result);
  }
}
