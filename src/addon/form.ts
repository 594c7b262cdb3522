/// <reference path="./formsPublishing.d.ts" />
/**
 * The schools' questionnaire form (issue 12): «Создать анкету для школ», «Обновить список школ в
 * анкете», «Кто не ответил». The form is built from the engine's description (src/engine/form),
 * linked to this spreadsheet, and remembered in «Настройки». FormApp needs the forms scope, which
 * is asked for when one of these is first used; everything else works without it.
 */
import {
  FORM_MAILING_SHEET,
  FORM_MENU,
  FORM_QUESTIONS,
  FORM_SETTING_LABEL,
  FORM_TEXT,
  FormContext,
  FormSpec,
  MENU,
  Mailing,
  MailingForm,
  MailingRow,
  PLACEMENT_TEXT,
  PRODUCT_NAME,
  QUESTIONNAIRE_SHEET_LABEL,
  Question,
  SHEETS,
  Settings,
  Table,
  analyze,
  formContext,
  formContextSheets,
  formEditUrl,
  formIdOfUrl,
  formRespondUrl,
  isGeneratedSheet,
  isPlacementCandidate,
  mailingList,
  mailingSheet,
  placeSheets,
  prefillTemplate,
  questionOf,
  questionnaireFormSpec,
  schoolFromChoice,
  selectInputSheets,
  settingsCells,
  workbookSettings,
} from '../engine';
import { FORMS_SCOPE, requireScopes } from './auth';
import { menuCreateStructure } from './menu';
import { nowText, readInputs } from './pipeline';
import { guardCell, readSheet, writeGenerated } from './sheetsAdapter';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Form = GoogleAppsScript.Forms.Form;
type ListItem = GoogleAppsScript.Forms.ListItem;

/** What a form command did (crosses `google.script.run`: plain data only). */
export interface FormActionResult {
  outcome: 'created' | 'exists' | 'refreshed' | 'no-registry' | 'no-form';
  /** Russian sentences for the panel or an alert. */
  message: string;
  /** Things the coordinator should know: schools without a code, no municipality, a renamed sheet… */
  remarks: string[];
  title: string | null;
  editUrl: string | null;
  respondUrl: string | null;
  /** The sheet the answers are written to. */
  sheet: string | null;
}

/** The questionnaire as the panel shows it, read without FormApp (no extra permission needed). */
export interface FormPanelState {
  formId: string;
  editUrl: string | null;
  respondUrl: string | null;
  /** «Лист анкеты», or the sheet «Рассчитать» would find. */
  sheet: string | null;
  registrySheet: string | null;
  schools: number;
  mailingSheet: string;
}

/** «Кто не ответил»: the statuses, the sheet written and the text for a letter. */
export interface MailingResult {
  sheet: string;
  year: string | null;
  formTitle: string | null;
  formUrl: string | null;
  counts: Mailing['counts'];
  /** The schools without a valid answer, missing first. */
  pending: MailingRow[];
  letter: string;
  message: string;
  remarks: string[];
}

function active(): Spreadsheet {
  return SpreadsheetApp.getActiveSpreadsheet();
}

/** One form command or calculation at a time per document (a double click must not make two forms). */
function withFormLock<T>(fn: () => T): T {
  const lock = LockService.getDocumentLock();
  if (!lock || !lock.tryLock(500)) throw new Error(FORM_TEXT.busy);
  try {
    return fn();
  } finally {
    lock.releaseLock();
  }
}

/** Reads «Настройки» and «Справочник ОО» only (one read each). */
function readFormContext(ss: Spreadsheet): FormContext {
  const byName = new Map(ss.getSheets().map((s) => [s.getName(), s]));
  const names = [...byName.keys()];
  const tables: Record<string, Table> = {};
  const read = (name: string): Table => (tables[name] ??= readSheet(byName.get(name) as Sheet));
  const settings = workbookSettings(names, read);
  const sheets = formContextSheets(names, settings);
  return formContext(names, sheets.settings ? read(sheets.settings) : null, sheets.registry ? read(sheets.registry) : null);
}

/** Today in the spreadsheet's time zone: the form's school years follow it. */
function today(ss: Spreadsheet): { year: number; month: number } {
  const [year, month] = Utilities.formatDate(new Date(), ss.getSpreadsheetTimeZone() || Session.getScriptTimeZone(), 'yyyy-MM').split('-').map(Number);
  return { year, month };
}

function noRegistry(ctx: FormContext): FormActionResult {
  return {
    outcome: 'no-registry',
    message: FORM_TEXT.needRegistry(ctx.registrySheet ?? SHEETS.registry, MENU.createStructure),
    remarks: [],
    title: null,
    editUrl: null,
    respondUrl: null,
    sheet: null,
  };
}

function result(outcome: FormActionResult['outcome'], message: string, extra: Partial<FormActionResult> = {}): FormActionResult {
  return { outcome, message, remarks: [], title: null, editUrl: null, respondUrl: null, sheet: null, ...extra };
}

/** FormApp.openById, or the reason it failed (deleted form, no access). */
function openForm(id: string): { form: Form } | { problem: string } {
  try {
    return { form: FormApp.openById(id) };
  } catch (e) {
    return { problem: (e as Error).message };
  }
}

/** The respondents' link: the published one, or one built from the id while the form is unpublished. */
function respondUrl(form: Form): string {
  try {
    return form.getPublishedUrl();
  } catch {
    return formRespondUrl(form.getId());
  }
}

function addQuestion(form: Form, q: Question): void {
  switch (q.kind) {
    case 'list':
      form.addListItem().setTitle(q.title).setHelpText(q.help).setRequired(q.required).setChoiceValues(q.choices);
      return;
    case 'count':
      form
        .addTextItem()
        .setTitle(q.title)
        .setHelpText(q.help)
        .setRequired(q.required)
        .setValidation(FormApp.createTextValidation().setHelpText(q.validationHelp).requireTextMatchesPattern(q.pattern).build());
      return;
    case 'email':
      form
        .addTextItem()
        .setTitle(q.title)
        .setHelpText(q.help)
        .setRequired(q.required)
        .setValidation(FormApp.createTextValidation().setHelpText(q.validationHelp).requireTextIsEmail().build());
      return;
    case 'paragraph':
      form.addParagraphTextItem().setTitle(q.title).setHelpText(q.help).setRequired(q.required);
      return;
  }
}

/** A Google Form from the description: a fixed number of FormApp calls, whatever the number of schools. */
function buildForm(spec: FormSpec): Form {
  const form = FormApp.create(spec.title);
  form.setDescription(spec.description).setConfirmationMessage(spec.confirmation);
  for (const q of spec.questions) addQuestion(form, q);
  // A form a script creates after 31 March 2026 starts unpublished and would take no answers.
  if (typeof form.setPublished === 'function') form.setPublished(true);
  return form;
}

/** The sheet this form writes to: the one whose getFormUrl() names it, else the one sheet that just appeared. */
function responseSheetOf(ss: Spreadsheet, form: Form, before: Set<string> | null): Sheet | null {
  const id = form.getId();
  const sheets = ss.getSheets();
  const linked = sheets.filter((s) => formIdOfUrl(s.getFormUrl()) === id);
  if (linked.length > 0) return linked.find((s) => before !== null && !before.has(s.getName())) ?? linked[0];
  if (!before) return null;
  const fresh = sheets.filter((s) => !before.has(s.getName()));
  return fresh.length === 1 ? fresh[0] : null;
}

/** Writes «Форма анкеты» and «Лист анкеты» into «Настройки»: only their «Значение» cells, or new rows. */
function saveFormSettings(ss: Spreadsheet, ctx: FormContext, changed: Settings): void {
  const edit = settingsCells(ctx.settingsTable, changed, [FORM_SETTING_LABEL, QUESTIONNAIRE_SHEET_LABEL]);
  if (edit.kind === 'create') {
    const sheet = ss.insertSheet(SHEETS.settings, ss.getSheets().length);
    sheet.getRange(1, 1, edit.rows.length, 3).setValues(edit.rows.map((r) => r.map(guardCell)));
    sheet.getRange(1, 1, 1, 3).setFontWeight('bold');
    sheet.setFrozenRows(1);
    return;
  }
  const sheet = ss.getSheetByName(ctx.settingsSheet ?? SHEETS.settings);
  if (!sheet) return;
  for (const c of edit.cells) sheet.getRange(c.row, 2).setValue(guardCell(c.value));
  if (edit.append.length > 0) sheet.getRange(sheet.getLastRow() + 1, 1, edit.append.length, 3).setValues(edit.append.map((r) => r.map(guardCell)));
}

/**
 * «Создать анкету для школ»: a Google Form in the coordinator's Drive with the registry's schools,
 * linked to this spreadsheet; its id and response sheet go into «Настройки». Without a registry it
 * says that one is needed first; with a form already made it says where it is.
 */
export function createQuestionnaireForm(): FormActionResult {
  const ss = active();
  return withFormLock(() => {
    const ctx = readFormContext(ss);
    if (ctx.schools.length === 0) return noRegistry(ctx);
    requireScopes([FORMS_SCOPE]);
    const remarks: string[] = [];
    if (ctx.settings.form) {
      const old = openForm(ctx.settings.form);
      if ('form' in old) {
        const title = old.form.getTitle();
        const url = respondUrl(old.form);
        return result('exists', FORM_TEXT.alreadyExists(title, url, FORM_MENU.refresh, FORM_SETTING_LABEL), {
          title,
          editUrl: old.form.getEditUrl(),
          respondUrl: url,
          sheet: ctx.settings.questionnaireSheet || null,
        });
      }
      remarks.push(FORM_TEXT.oldFormGone(ctx.settings.form));
    }
    const spec = questionnaireFormSpec({ schools: ctx.schools, municipality: ctx.municipality, today: today(ss) });
    remarks.push(...spec.remarks);
    let form: Form;
    try {
      form = buildForm(spec);
    } catch (e) {
      throw new Error(FORM_TEXT.partial((e as Error).message));
    }
    const before = new Set(ss.getSheets().map((s) => s.getName()));
    let sheet: Sheet | null = null;
    try {
      form.setDestination(FormApp.DestinationType.SPREADSHEET, ss.getId());
      SpreadsheetApp.flush();
      sheet = responseSheetOf(ss, form, before);
      if (!sheet) remarks.push(FORM_TEXT.noSheetFound);
    } catch (e) {
      remarks.push(FORM_TEXT.notLinked((e as Error).message));
    }
    const previous = ctx.settings.questionnaireSheet;
    if (sheet && previous && previous !== sheet.getName() && ss.getSheetByName(previous)) remarks.push(FORM_TEXT.previousSheet(previous));
    saveFormSettings(ss, ctx, { ...ctx.settings, form: form.getId(), questionnaireSheet: sheet ? sheet.getName() : ctx.settings.questionnaireSheet });
    const url = respondUrl(form);
    const schools = questionOf(spec, 'school').choices.length;
    return result('created', FORM_TEXT.created(spec.title, String(schools), sheet ? sheet.getName() : '—'), {
      remarks,
      title: spec.title,
      editUrl: form.getEditUrl(),
      respondUrl: url,
      sheet: sheet ? sheet.getName() : null,
    });
  });
}

/** The form's dropdown of schools and of school years (found by their titles; the schools' may have been retitled). */
function listItems(form: Form): { schools: ListItem | null; years: ListItem | null } {
  const lists = form.getItems(FormApp.ItemType.LIST);
  const years = lists.find((i) => i.getTitle() === FORM_QUESTIONS.year.title) ?? null;
  const schools = lists.find((i) => i.getTitle() === FORM_QUESTIONS.school.title) ?? lists.find((i) => i !== years) ?? null;
  return { schools: schools ? schools.asListItem() : null, years: years ? years.asListItem() : null };
}

function choicesOf(item: ListItem): string[] {
  return item.getChoices().map((c) => c.getValue());
}

function sameList(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/**
 * «Обновить список школ в анкете»: the dropdown follows the registry (and the school years follow
 * the date). Answers already given are not touched: they carry the school's code, so a school the
 * registry renamed keeps its answers. Also notices a response sheet the coordinator renamed.
 */
export function refreshQuestionnaireForm(): FormActionResult {
  const ss = active();
  return withFormLock(() => {
    const ctx = readFormContext(ss);
    if (!ctx.settings.form) return result('no-form', FORM_TEXT.notCreated(FORM_MENU.create));
    if (ctx.schools.length === 0) return noRegistry(ctx);
    requireScopes([FORMS_SCOPE]);
    const opened = openForm(ctx.settings.form);
    if ('problem' in opened) throw new Error(FORM_TEXT.cannotOpen(ctx.settings.form, opened.problem, FORM_SETTING_LABEL));
    const form = opened.form;
    const items = listItems(form);
    if (!items.schools) throw new Error(FORM_TEXT.noSchoolQuestion(FORM_QUESTIONS.school.title));
    const spec = questionnaireFormSpec({ schools: ctx.schools, municipality: ctx.municipality, today: today(ss) });
    const wanted = questionOf(spec, 'school').choices;
    const current = choicesOf(items.schools);
    const codeOf = (choice: string) => schoolFromChoice('', choice).code;
    const currentSet = new Set(current);
    const wantedSet = new Set(wanted);
    const added = wanted.filter((c) => !currentSet.has(c));
    const removed = current.filter((c) => !wantedSet.has(c));
    const removedCodes = new Set(removed.map(codeOf).filter(Boolean));
    const renamed = added.filter((c) => codeOf(c) !== '' && removedCodes.has(codeOf(c))).length;
    if (!sameList(current, wanted)) items.schools.setChoiceValues(wanted);
    const remarks = spec.remarks.filter((r) => r !== FORM_TEXT.noMunicipality);
    if (items.years) {
      const wantedYears = questionOf(spec, 'year').choices;
      if (!sameList(choicesOf(items.years), wantedYears)) {
        items.years.setChoiceValues(wantedYears);
        remarks.push(FORM_TEXT.yearsRefreshed(wantedYears.join(', ')));
      }
    }
    const sheet = responseSheetOf(ss, form, null);
    let sheetName = ctx.settings.questionnaireSheet || null;
    if (sheet && sheet.getName() !== ctx.settings.questionnaireSheet) {
      sheetName = sheet.getName();
      if (ctx.settings.questionnaireSheet) remarks.push(FORM_TEXT.sheetRelinked(sheetName));
      saveFormSettings(ss, ctx, { ...ctx.settings, questionnaireSheet: sheetName });
    }
    const message = FORM_TEXT.refreshed(added.length - renamed, removed.length - renamed, renamed, wanted.length);
    return result('refreshed', message, { remarks, title: form.getTitle(), editUrl: form.getEditUrl(), respondUrl: respondUrl(form), sheet: sheetName });
  });
}

/** What the panel shows about the questionnaire, without opening the form (so without the forms scope). */
export function getFormPanelState(): FormPanelState {
  const ss = active();
  const ctx = readFormContext(ss);
  const names = ss.getSheets().map((s) => s.getName());
  const sheet = ctx.settings.questionnaireSheet || selectInputSheets(names, ctx.settings).questionnaire || null;
  const id = ctx.settings.form;
  return {
    formId: id,
    editUrl: id ? formEditUrl(id) : null,
    respondUrl: id ? formRespondUrl(id) : null,
    sheet,
    registrySheet: ctx.registrySheet,
    schools: ctx.schools.length,
    mailingSheet: FORM_MAILING_SHEET,
  };
}

/** The form's title, link, current choices and one prefilled link to build every school's from. */
function describeForm(form: Form, year: string | null): { form: MailingForm | null; remarks: string[] } {
  const { schools, years } = listItems(form);
  if (!schools) return { form: null, remarks: [FORM_TEXT.noSchoolQuestion(FORM_QUESTIONS.school.title)] };
  const schoolChoicesNow = choicesOf(schools);
  const yearChoicesNow = years ? choicesOf(years) : [];
  const remarks: string[] = [];
  let prefill: MailingForm['prefill'] = null;
  if (schoolChoicesNow.length > 0) {
    // Known answers in one prefilled link tell which «entry.<n>» is the school's and the year's.
    const yearValue = years ? (year && yearChoicesNow.includes(year) ? year : yearChoicesNow[0] ?? null) : null;
    try {
      let response = form.createResponse().withItemResponse(schools.createResponse(schoolChoicesNow[0]));
      if (years && yearValue) response = response.withItemResponse(years.createResponse(yearValue));
      prefill = prefillTemplate(response.toPrefilledUrl(), schoolChoicesNow[0], yearValue);
    } catch (e) {
      remarks.push((e as Error).message);
    }
  }
  return { form: { title: form.getTitle(), url: respondUrl(form), schoolChoices: schoolChoicesNow, yearChoices: yearChoicesNow, prefill }, remarks };
}

/** Writes «Рассылка анкеты» where placement says: a sheet of that name made by the user is never touched. */
function writeMailingSheet(ss: Spreadsheet, m: Mailing): { name: string; remarks: string[] } {
  const existing = ss
    .getSheets()
    .filter((s) => isPlacementCandidate(s.getName(), [FORM_MAILING_SHEET]))
    .map((s) => ({ name: s.getName(), generated: isGeneratedSheet(s.getRange(1, 1).getValue()) }));
  const plan = placeSheets([FORM_MAILING_SHEET], existing);
  const place = plan.placements[0];
  const sheet = mailingSheet(m, nowText(ss));
  sheet.name = place.name;
  writeGenerated(ss, sheet);
  for (const name of plan.obsolete) {
    const old = ss.getSheetByName(name);
    if (old) ss.deleteSheet(old);
  }
  return { name: place.name, remarks: place.displaced ? [PLACEMENT_TEXT.displaced(place.wanted, place.name)] : [] };
}

/**
 * «Кто не ответил»: every registry school with the status of its answer for the year the calculation
 * reads, its e-mail and its prefilled link, written to «Рассылка анкеты»; returns the pending schools
 * and the text for a letter.
 */
export function formMailing(): MailingResult {
  const ss = active();
  return withFormLock(() => {
    const inputs = readInputs(ss);
    const a = analyze(inputs);
    const remarks: string[] = [];
    let form: MailingForm | null = null;
    if (a.settings.form) {
      requireScopes([FORMS_SCOPE]);
      const opened = openForm(a.settings.form);
      if ('form' in opened) {
        const described = describeForm(opened.form, a.questionnaire?.year ?? null);
        form = described.form;
        remarks.push(...described.remarks);
      } else {
        remarks.push(FORM_TEXT.cannotOpen(a.settings.form, opened.problem, FORM_SETTING_LABEL));
      }
    } else {
      remarks.push(FORM_TEXT.noForm);
    }
    const registrySheet = selectInputSheets(inputs.sheetNames, a.settings).registry;
    const m = mailingList(a, registrySheet ? inputs.tables[registrySheet] ?? null : null, form);
    const written = writeMailingSheet(ss, m);
    remarks.push(...written.remarks);
    return {
      sheet: written.name,
      year: m.year,
      formTitle: form?.title ?? null,
      formUrl: form?.url ?? null,
      counts: m.counts,
      pending: m.rows.filter((r) => r.status !== 'accepted'),
      letter: m.letter,
      message: FORM_TEXT.mailingDone(m.counts.missing, m.counts.invalid, m.counts.accepted, written.name),
      remarks,
    };
  });
}

// ----- Menu --------------------------------------------------------------------------------------

/** Google ends the execution with its consent screen: that must reach Apps Script, not an alert. */
function isConsentRequest(e: unknown): boolean {
  return /authori[sz]ation is required/i.test(String((e as Error)?.message ?? e));
}

function alertOutcome(r: FormActionResult): void {
  const ui = SpreadsheetApp.getUi();
  if (r.outcome === 'no-registry') {
    const answer = ui.alert(FORM_MENU.create, `${r.message}\n\n${FORM_TEXT.offerStructure(MENU.createStructure)}`, ui.ButtonSet.YES_NO);
    if (answer === ui.Button.YES) menuCreateStructure();
    return;
  }
  const lines = [r.message];
  if (r.outcome === 'created' && r.respondUrl && r.editUrl) lines.push('', FORM_TEXT.links(r.respondUrl, r.editUrl));
  if (r.remarks.length > 0) lines.push('', ...r.remarks);
  ui.alert(r.outcome === 'refreshed' ? FORM_MENU.refresh : FORM_MENU.create, lines.join('\n'), ui.ButtonSet.OK);
}

function fromMenu(run: () => void): void {
  try {
    run();
  } catch (e) {
    if (isConsentRequest(e)) throw e;
    const ui = SpreadsheetApp.getUi();
    ui.alert(PRODUCT_NAME, (e as Error).message, ui.ButtonSet.OK);
  }
}

export function menuCreateForm(): void {
  fromMenu(() => {
    const r = createQuestionnaireForm();
    if (r.sheet) active().getSheetByName(r.sheet)?.activate();
    alertOutcome(r);
  });
}

export function menuRefreshForm(): void {
  fromMenu(() => alertOutcome(refreshQuestionnaireForm()));
}

export function menuFormMailing(): void {
  fromMenu(() => {
    const r = formMailing();
    active().getSheetByName(r.sheet)?.activate();
    const ui = SpreadsheetApp.getUi();
    ui.alert(FORM_MENU.mailing, [r.message, ...r.remarks].join('\n\n'), ui.ButtonSet.OK);
  });
}

