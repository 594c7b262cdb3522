/**
 * google.script.run outside Google: the sidebar's calls go to the server functions of the built
 * dist/Code.js running in a vm (test/support/appsScriptVm.ts). Used by the browser test (through a
 * Playwright binding) and by `npm run playground` (through fetch).
 *
 * Arguments and results cross as JSON, which is close to what google.script.run does: primitives,
 * arrays and plain objects survive, undefined becomes null, functions and class instances do not.
 * An exception on the server reaches the failure handler as an Error with the exception's message.
 */

/** Where the page sends a call: a global function name (Playwright binding) or an URL path (fetch). */
export type Transport = { binding: string } | { post: string };

/** What the node side answers, as JSON text. */
export type Reply = { ok: true; value: unknown } | { ok: false; message: string };

/**
 * Script for the page, to run before the sidebar's own script: defines window.google.script.run.
 * After each call it tells a parent frame (the playground's workbook view) with postMessage.
 */
export function bridgeScript(transport: Transport): string {
  const send =
    'binding' in transport
      ? `function (name, args) { return window[${JSON.stringify(transport.binding)}](name, args); }`
      : `function (name, args) {
      return fetch(${JSON.stringify(transport.post)} + encodeURIComponent(name), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: args })
        .then(function (r) { return r.text(); });
    }`;
  return `(function () {
  'use strict';
  var send = ${send};
  var OWN = { withSuccessHandler: 1, withFailureHandler: 1, withUserObject: 1 };
  function runner(success, failure, userObject) {
    var base = {
      withSuccessHandler: function (fn) { return runner(fn, failure, userObject); },
      withFailureHandler: function (fn) { return runner(success, fn, userObject); },
      withUserObject: function (o) { return runner(success, failure, o); }
    };
    return new Proxy(base, {
      get: function (target, prop) {
        if (typeof prop !== 'string') return undefined;
        if (OWN[prop]) return target[prop];
        if (prop === 'then') return undefined;
        return function () {
          var args;
          try {
            args = JSON.stringify(Array.prototype.slice.call(arguments));
          } catch (e) {
            throw new Error('google.script.run: недопустимый аргумент: ' + e.message);
          }
          Promise.resolve()
            .then(function () { return send(prop, args); })
            .then(function (text) { return JSON.parse(text); }, function (e) {
              return { ok: false, message: 'NetworkError: Connection failure due to HTTP 0 (' + (e && e.message) + ')' };
            })
            .then(function (reply) {
              if (window.parent !== window) window.parent.postMessage({ type: 'shnor-monitor:call', name: prop, ok: reply.ok }, '*');
              if (reply.ok) { if (success) success(reply.value === null ? null : reply.value, userObject); }
              else if (failure) { var err = new Error(reply.message); err.name = 'ScriptError'; failure(err, userObject); }
              else console.error('google.script.run: ' + prop + ': ' + reply.message);
            });
        };
      }
    });
  }
  window.google = { script: { run: runner(null, null, undefined), host: { close: function () {}, setHeight: function () {}, setWidth: function () {}, editor: { focus: function () {} } } } };
})();`;
}

/** Puts the bridge into the sidebar's HTML before its own script (at the end of <head>). */
export function withBridge(html: string, transport: Transport): string {
  const tag = `<script>\n${bridgeScript(transport).replace(/<\/script/gi, '<\\/script')}\n</script>\n`;
  const at = html.indexOf('</head>');
  if (at < 0) throw new Error('В sidebar.html нет </head>: некуда вставить google.script.run');
  return html.slice(0, at) + tag + html.slice(at);
}

function messageOf(e: unknown): string {
  // Errors thrown inside the vm are not instances of this realm's Error: read the message by shape.
  if (e && typeof e === 'object' && 'message' in e && typeof (e as { message: unknown }).message === 'string') return (e as { message: string }).message;
  return String(e);
}

/**
 * The node side of one call: JSON arguments in, the server function run, JSON reply out.
 * `invoke` runs a top-level function of dist/Code.js by name.
 */
export function answer(invoke: (name: string, args: unknown[]) => unknown, name: string, argsJson: string): string {
  try {
    const args = JSON.parse(argsJson) as unknown;
    if (!Array.isArray(args)) throw new Error('ScriptError: аргументы вызова должны быть массивом');
    const value = invoke(name, args);
    // Only JSON crosses: nothing of the vm's objects is shared with the page.
    return JSON.stringify({ ok: true, value: value === undefined ? null : value } satisfies Reply);
  } catch (e) {
    return JSON.stringify({ ok: false, message: messageOf(e) } satisfies Reply);
  }
}
