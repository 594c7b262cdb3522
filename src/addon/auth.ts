/**
 * Permissions. The add-on needs only the current spreadsheet and its own UI from the first run; a
 * feature that needs more (creating a Google Form, a Google Doc) asks for its scope when the
 * coordinator first uses it (granular consent), so everything else keeps working without it.
 * Every scope here must also be listed in appsscript.json.
 */
export const BASE_SCOPES = ['https://www.googleapis.com/auth/spreadsheets.currentonly', 'https://www.googleapis.com/auth/script.container.ui'];

/**
 * Ends the current execution with Google's consent screen when the user has not granted these
 * scopes yet; returns normally when they have. Call it first thing in a feature's entry point.
 */
export function requireScopes(scopes: string[]): void {
  ScriptApp.requireScopes(ScriptApp.AuthMode.FULL, scopes);
}

/** Creating and updating the schools' questionnaire form (FormApp.create, openById): src/addon/form.ts. */
export const FORMS_SCOPE = 'https://www.googleapis.com/auth/forms';
