// The server's types (PanelState…) are imported from src/addon/panel.ts, which tsc checks as well,
// so it needs the Apps Script server declarations; the sidebar code itself never touches them.
/// <reference types="google-apps-script" />
// The client side of google.script.run as the sidebar uses it (HtmlService, IFRAME sandbox);
// server.ts wraps it in promises.
import type { ServerFunctions } from './server';

/** google.script.run: every call returns void; results arrive in the success handler. */
export type ScriptRun = {
  withSuccessHandler(handler: (value: any, userObject?: any) => void): ScriptRun;
  withFailureHandler(handler: (error: Error, userObject?: any) => void): ScriptRun;
  withUserObject(userObject: unknown): ScriptRun;
} & { [K in keyof ServerFunctions]: (...args: Parameters<ServerFunctions[K]>) => void };

declare global {
  // eslint-disable-next-line no-var
  var google: { script: { run: ScriptRun } };
}
