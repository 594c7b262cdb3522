// The panel reaches the server only through google.script.run; here each call becomes a promise.
// Every top-level function of dist/Code.js can be called so: their types are those of the server's
// exports (src/addon/index.ts), never restated here. The server validates what arrives all the same.
import type * as Server from '../src/addon/index';

export type { ImportHints } from '../src/engine/import/types';

/** What the sidebar may call on the server, with what each returns. */
export type ServerFunctions = { [K in keyof typeof Server]: (typeof Server)[K] };

export function call<K extends keyof ServerFunctions>(name: K, ...args: Parameters<ServerFunctions[K]>): Promise<ReturnType<ServerFunctions[K]>> {
  return new Promise((resolve, reject) => {
    const runner = google.script.run.withSuccessHandler(resolve).withFailureHandler(reject);
    (runner[name] as (...a: unknown[]) => void)(...args);
  });
}
