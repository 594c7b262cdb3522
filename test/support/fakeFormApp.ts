/// <reference types="google-apps-script" />
/// <reference path="../../src/addon/formsPublishing.d.ts" />
/**
 * In-memory FormApp typed against @types/google-apps-script, with the same rules as
 * fakeSpreadsheetApp.ts: each fake class implements a `Pick` of the real interface listing exactly
 * the members it has (checked by `ExactApi`), objects are handed out under the real types, and
 * members outside the Pick do not exist at runtime.
 *
 * Behaviour modelled on Google Forms:
 * - FormApp.create puts the form in the user's Drive; it starts unpublished (forms a script creates
 *   after 31 March 2026 do) and takes answers only once published;
 * - every call of FormApp needs the forms scope; without it the real «You do not have permission to
 *   call FormApp.create. Required permissions: …» is thrown;
 * - item ids are numbers, and the «entry.<n>» of prefilled links is another number: code that takes
 *   one for the other fails here as it does with Google;
 * - a dropdown refuses an answer it does not offer and a list of no choices; a text validation
 *   builder keeps one rule (the last `require…` wins), as Forms allows one per question;
 * - setDestination(SPREADSHEET, id) makes «Ответы на форму (N)» the first sheet of that in-memory
 *   spreadsheet with the header Forms writes, and each answer appends a row (FakeWorkbook).
 * Error texts are Google's where known (marked «as Google» below); the others are close guesses.
 *
 * The test-side handle `FakeForms` plays the respondents: `respond`, `openLink`, `respondViaLink`
 * check answers as the web form does before they reach the sheet.
 */
import { FORMS_SCOPE } from '../../src/addon/auth';
import { AppsScriptException, Assert, CallCounter, CountedFake, ExactApi, countCalls, expose, fakeEnum } from './fakeBase';
import type { AuthorizationSimulator } from './fakeServices';
import type { FakeWorkbook } from './fakeSpreadsheetApp';

type FormApp = GoogleAppsScript.Forms.FormApp;
type Form = GoogleAppsScript.Forms.Form;
type Item = GoogleAppsScript.Forms.Item;
type ListItem = GoogleAppsScript.Forms.ListItem;
type TextItem = GoogleAppsScript.Forms.TextItem;
type ParagraphTextItem = GoogleAppsScript.Forms.ParagraphTextItem;
type Choice = GoogleAppsScript.Forms.Choice;
type TextValidation = GoogleAppsScript.Forms.TextValidation;
type TextValidationBuilder = GoogleAppsScript.Forms.TextValidationBuilder;
type FormResponse = GoogleAppsScript.Forms.FormResponse;
type ItemResponse = GoogleAppsScript.Forms.ItemResponse;
type ItemType = GoogleAppsScript.Forms.ItemType;
type DestinationType = GoogleAppsScript.Forms.DestinationType;

/** As Google (DriveApp, FormApp.openById). */
export const NO_ITEM_MESSAGE = 'No item with the given ID could be found, or you do not have permission to access it.';
/** As Google (seen from setChoiceValues([]) and other rejected edits). */
export const INVALID_FORM_DATA = 'Invalid data updating form.';
/** As Google (ListItem.createResponse with a value the list does not offer). */
export const INVALID_RESPONSE = 'Invalid response submitted to item.';
/** As Google (operations on a form that is not published). */
export const UNPUBLISHED_MESSAGE = 'Operation not supported on unpublished form';

export const permissionMessage = (method: string): string => `You do not have permission to call FormApp.${method}. Required permissions: ${FORMS_SCOPE}`;

// ===== Model (test side) ==========================================================================

export type ItemTypeName = keyof typeof GoogleAppsScript.Forms.ItemType;

export type ValidationRule =
  | { rule: 'pattern'; pattern: string; helpText: string }
  | { rule: 'wholeNumber'; helpText: string }
  | { rule: 'numberAtLeast'; number: number; helpText: string }
  | { rule: 'email'; helpText: string };

export interface ItemModel {
  id: number;
  /** The number in «entry.<n>» of prefilled links: not the item's id. */
  entryId: number;
  type: ItemTypeName;
  title: string;
  helpText: string;
  required: boolean;
  choices: string[];
  validation: ValidationRule | null;
}

export interface ResponseModel {
  id: string;
  timestamp: Date;
  answers: { itemId: number; value: string }[];
}

export class FormModel {
  description = '';
  confirmation = '';
  published = false;
  accepting = true;
  trashed = false;
  readonly items: ItemModel[] = [];
  readonly responses: ResponseModel[] = [];
  destination: FakeWorkbook | null = null;

  constructor(
    readonly id: string,
    readonly publishedId: string,
    public title: string,
  ) {}

  /** What Sheet.getFormUrl() of its response sheet returns. */
  get formUrl(): string {
    return `https://docs.google.com/forms/d/${this.id}/viewform`;
  }

  get publishedUrl(): string {
    return `https://docs.google.com/forms/d/e/${this.publishedId}/viewform`;
  }

  get editUrl(): string {
    return `https://docs.google.com/forms/d/${this.id}/edit`;
  }

  /** The items that take an answer (every type this fake creates). */
  questions(): ItemModel[] {
    return this.items;
  }

  /** Stores a response and lets Forms write it into the linked sheet. */
  record(response: ResponseModel): void {
    this.responses.push(response);
    if (!this.destination) return;
    const byId = new Map(response.answers.map((a) => [a.itemId, a.value]));
    this.destination.appendFormResponse(
      this.formUrl,
      response.timestamp,
      this.questions().map((item) => ({ title: item.title, value: byId.get(item.id) ?? '' })),
    );
  }
}

/** What a dump of a form shows a test. */
export interface FormDump {
  id: string;
  title: string;
  description: string;
  confirmation: string;
  published: boolean;
  destinationSheet: string | null;
  items: Array<Omit<ItemModel, 'entryId'>>;
  responses: number;
}

/** Answers a respondent gives, by question title. */
export type Answers = Record<string, string>;

/** The web form refused a submission (what the respondent would see under the questions). */
export class FormRejected extends Error {
  constructor(readonly problems: Record<string, string>) {
    super(`Форма не принимает ответ: ${Object.entries(problems).map(([t, p]) => `«${t}»: ${p}`).join('; ')}`);
    this.name = 'FormRejected';
  }
}

/** Form-urlencoded as Google writes prefilled links: UTF-8 percent escapes, «+» for a space. */
function formEncode(value: string): string {
  return encodeURIComponent(value).replace(/%20/g, '+');
}

/**
 * The coordinator's Google Forms: the forms in Drive, the spreadsheets they may write to, and the
 * respondents. One per test environment.
 */
export class FakeForms {
  readonly forms = new Map<string, FormModel>();
  private nextForm = 1;
  private nextItem = 1;
  private nextResponse = 1;

  constructor(
    readonly calls: CallCounter,
    readonly auth: AuthorizationSimulator,
    private readonly spreadsheets: FakeWorkbook[],
  ) {}

  // ----- used by the API facades --------------------------------------------------------------

  createForm(title: string): FormModel {
    const n = this.nextForm++;
    const id = `1Fm${String(n).padStart(4, '0')}${'x'.repeat(36)}`.slice(0, 44);
    const form = new FormModel(id, `1FAIpQLSe${String(n).padStart(4, '0')}${'p'.repeat(43)}`.slice(0, 56), title);
    this.forms.set(id, form);
    return form;
  }

  openForm(id: string): FormModel {
    const form = this.forms.get(id);
    if (!form || form.trashed) throw new AppsScriptException(NO_ITEM_MESSAGE);
    return form;
  }

  newItem(form: FormModel, type: ItemTypeName): ItemModel {
    const n = this.nextItem++;
    const item: ItemModel = { id: 1000000000 + n * 7919, entryId: 1700000000 + n * 104729, type, title: '', helpText: '', required: false, choices: [], validation: null };
    form.items.push(item);
    return item;
  }

  spreadsheet(id: string): FakeWorkbook {
    const found = this.spreadsheets.find((w) => w.id === id);
    if (!found) throw new AppsScriptException(NO_ITEM_MESSAGE);
    return found;
  }

  newResponseId(): string {
    return `2_ABaOnu${String(this.nextResponse++).padStart(6, '0')}`;
  }

  requireScope(method: string): void {
    if (!this.auth.granted.has(FORMS_SCOPE)) throw new AppsScriptException(permissionMessage(method));
  }

  // ----- the test side --------------------------------------------------------------------------

  /** Every form in Drive, oldest first. */
  all(): FormModel[] {
    return [...this.forms.values()];
  }

  get(id: string): FormModel {
    const form = this.forms.get(id);
    if (!form) throw new Error(`No form ${id}; forms: ${[...this.forms.keys()].join(', ')}`);
    return form;
  }

  dump(id: string): FormDump {
    const f = this.get(id);
    return {
      id: f.id,
      title: f.title,
      description: f.description,
      confirmation: f.confirmation,
      published: f.published,
      destinationSheet: f.destination?.formResponsesSheet(f.formUrl) ?? null,
      items: f.items.map(({ entryId: _entry, ...rest }) => ({ ...rest, choices: [...rest.choices] })),
      responses: f.responses.length,
    };
  }

  /** The user deletes the form from Drive: FormApp.openById no longer finds it. */
  trash(id: string): void {
    this.get(id).trashed = true;
  }

  /** A respondent fills the form in the browser and presses «Отправить». */
  respond(id: string, answers: Answers, at: Date): void {
    const form = this.get(id);
    if (form.trashed || !form.published || !form.accepting) throw new FormRejected({ '': 'форма не принимает ответы' });
    const problems: Record<string, string> = {};
    const known = new Set(form.items.map((i) => i.title));
    for (const title of Object.keys(answers)) if (!known.has(title)) throw new Error(`В форме нет вопроса «${title}»`);
    const given: { itemId: number; value: string }[] = [];
    for (const item of form.questions()) {
      const value = answers[item.title] ?? '';
      const problem = webFormProblem(item, value);
      if (problem) problems[item.title] = problem;
      else if (value !== '') given.push({ itemId: item.id, value });
    }
    if (Object.keys(problems).length > 0) throw new FormRejected(problems);
    form.record({ id: this.newResponseId(), timestamp: new Date(at.getTime()), answers: given });
  }

  /**
   * Opens a link as a respondent's browser would: which form, and which answers are already filled
   * in. A prefilled dropdown answer the list does not offer is left empty, as Forms does.
   */
  openLink(url: string): { formId: string; prefilled: Answers } {
    const m = /^https:\/\/docs\.google\.com\/forms\/d\/(e\/)?([^/?#]+)\/viewform(?:\?(.*))?$/.exec(url);
    if (!m) throw new Error(`Не ссылка на форму: ${url}`);
    const form = m[1] ? this.all().find((f) => f.publishedId === m[2]) : this.forms.get(m[2]);
    if (!form) throw new Error(`Нет формы для ссылки ${url}`);
    const prefilled: Answers = {};
    for (const part of (m[3] ?? '').split('&').filter(Boolean)) {
      const eq = part.indexOf('=');
      const key = part.slice(0, eq < 0 ? part.length : eq);
      const value = eq < 0 ? '' : decodeURIComponent(part.slice(eq + 1).replace(/\+/g, ' '));
      const entry = /^entry\.(\d+)$/.exec(key);
      if (!entry) continue;
      const item = form.items.find((i) => i.entryId === Number(entry[1]));
      if (!item) continue;
      if (item.type === 'LIST' && !item.choices.includes(value)) continue;
      prefilled[item.title] = value;
    }
    return { formId: form.id, prefilled };
  }

  /** A school follows its link, keeps what is filled in, answers the rest and submits. */
  respondViaLink(url: string, answers: Answers, at: Date): void {
    const { formId, prefilled } = this.openLink(url);
    this.respond(formId, { ...prefilled, ...answers }, at);
  }
}

/** What the web form says under a question whose answer it will not take; null when it takes it. */
function webFormProblem(item: ItemModel, value: string): string | null {
  if (value.trim() === '') return item.required ? 'Это обязательный вопрос.' : null;
  if (item.type === 'LIST' && !item.choices.includes(value)) return 'Выберите вариант из списка.';
  const v = item.validation;
  if (!v) return null;
  const ok =
    v.rule === 'pattern'
      ? new RegExp(`^(?:${v.pattern})$`).test(value)
      : v.rule === 'wholeNumber'
        ? /^\s*-?\d+\s*$/.test(value)
        : v.rule === 'numberAtLeast'
          ? Number.isFinite(Number(value.replace(',', '.'))) && Number(value.replace(',', '.')) >= v.number
          : /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim());
  return ok ? null : v.helpText || 'Недопустимый ответ.';
}

// ===== Facades ====================================================================================

const itemFacades = new WeakMap<ItemModel, Map<string, object>>();
const validationRules = new WeakMap<object, ValidationRule | null>();
const itemResponses = new WeakMap<object, { item: ItemModel; value: string }>();
const formFacades = new WeakMap<FormModel, Form>();

/** One facade per item and kind, so `form.getItems()[0] === form.getItems()[0]` as the vm bridge expects. */
function facadeOf<T>(item: ItemModel, kind: string, make: () => object): T {
  let byKind = itemFacades.get(item);
  if (!byKind) itemFacades.set(item, (byKind = new Map()));
  let facade = byKind.get(kind);
  if (!facade) byKind.set(kind, (facade = make()));
  return facade as T;
}

function formApi(drive: FakeForms, form: FormModel): Form {
  let facade = formFacades.get(form);
  if (!facade) formFacades.set(form, (facade = expose<Form>(new FakeForm(drive, form))));
  return facade;
}

function asType<Enum>(name: string): Enum {
  return name as unknown as Enum;
}

function wrongType(item: ItemModel, wanted: string): AppsScriptException {
  return new AppsScriptException(`Item ${item.id} is of type ${item.type} and cannot be converted to ${wanted}.`);
}

abstract class ItemFacade extends CountedFake {
  protected constructor(
    protected readonly drive: FakeForms,
    protected readonly form: FormModel,
    protected readonly item: ItemModel,
  ) {
    super(drive.calls);
  }
}

// ----- Item --------------------------------------------------------------------------------------

type ItemMember = 'asListItem' | 'asParagraphTextItem' | 'asTextItem' | 'getHelpText' | 'getId' | 'getIndex' | 'getTitle' | 'getType' | 'setHelpText' | 'setTitle';

class FakeItem extends ItemFacade implements Pick<Item, ItemMember> {
  constructor(drive: FakeForms, form: FormModel, item: ItemModel) {
    super(drive, form, item);
  }

  asListItem(): ListItem {
    if (this.item.type !== 'LIST') throw wrongType(this.item, 'ListItem');
    return listItemApi(this.drive, this.form, this.item);
  }

  asParagraphTextItem(): ParagraphTextItem {
    if (this.item.type !== 'PARAGRAPH_TEXT') throw wrongType(this.item, 'ParagraphTextItem');
    return paragraphItemApi(this.drive, this.form, this.item);
  }

  asTextItem(): TextItem {
    if (this.item.type !== 'TEXT') throw wrongType(this.item, 'TextItem');
    return textItemApi(this.drive, this.form, this.item);
  }

  getHelpText(): string {
    return this.item.helpText;
  }

  getId(): number {
    return this.item.id;
  }

  getIndex(): number {
    return this.form.items.indexOf(this.item);
  }

  getTitle(): string {
    return this.item.title;
  }

  getType(): ItemType {
    return asType<ItemType>(this.item.type);
  }

  setHelpText(text: string): Item {
    this.item.helpText = String(text);
    return expose<Item>(this);
  }

  setTitle(title: string): Item {
    this.item.title = String(title);
    return expose<Item>(this);
  }
}
type _ItemIsExact = Assert<ExactApi<FakeItem, Item, ItemMember>>;

function itemApi(drive: FakeForms, form: FormModel, item: ItemModel): Item {
  return facadeOf<Item>(item, 'Item', () => expose<Item>(new FakeItem(drive, form, item)));
}

// ----- ListItem ----------------------------------------------------------------------------------

type ListItemMember =
  | 'createChoice'
  | 'createResponse'
  | 'getChoices'
  | 'getHelpText'
  | 'getId'
  | 'getIndex'
  | 'getTitle'
  | 'getType'
  | 'isRequired'
  | 'setChoiceValues'
  | 'setChoices'
  | 'setHelpText'
  | 'setRequired'
  | 'setTitle';

class FakeChoice extends CountedFake implements Pick<Choice, 'getValue'> {
  constructor(
    calls: CallCounter,
    private readonly value: string,
  ) {
    super(calls);
  }

  getValue(): string {
    return this.value;
  }
}
type _ChoiceIsExact = Assert<ExactApi<FakeChoice, Choice, 'getValue'>>;

const choiceValues = new WeakMap<object, string>();

function setChoiceList(item: ItemModel, values: string[]): void {
  // A dropdown of no choices, or of the same choice twice, is refused by Forms.
  if (values.length === 0 || new Set(values).size !== values.length) throw new AppsScriptException(INVALID_FORM_DATA);
  item.choices = [...values];
}

class FakeListItem extends ItemFacade implements Pick<ListItem, ListItemMember> {
  constructor(drive: FakeForms, form: FormModel, item: ItemModel) {
    super(drive, form, item);
  }

  createChoice(value: string, ..._navigation: unknown[]): Choice {
    const choice = expose<Choice>(new FakeChoice(this.callCounter, String(value)));
    choiceValues.set(choice, String(value));
    return choice;
  }

  createResponse(response: string): ItemResponse {
    if (!this.item.choices.includes(String(response))) throw new AppsScriptException(INVALID_RESPONSE);
    return itemResponseApi(this.drive, this.form, this.item, String(response));
  }

  getChoices(): Choice[] {
    return this.item.choices.map((value) => this.createChoice(value));
  }

  getHelpText(): string {
    return this.item.helpText;
  }

  getId(): number {
    return this.item.id;
  }

  getIndex(): number {
    return this.form.items.indexOf(this.item);
  }

  getTitle(): string {
    return this.item.title;
  }

  getType(): ItemType {
    return asType<ItemType>(this.item.type);
  }

  isRequired(): boolean {
    return this.item.required;
  }

  setChoiceValues(values: string[]): ListItem {
    if (!Array.isArray(values)) throw new AppsScriptException("The parameters (String) don't match the method signature for FormApp.ListItem.setChoiceValues.");
    setChoiceList(this.item, values.map(String));
    return expose<ListItem>(this);
  }

  setChoices(choices: Choice[]): ListItem {
    const values = choices.map((c) => {
      const v = choiceValues.get(c as unknown as object);
      if (v === undefined) throw new AppsScriptException("The parameters (Object[]) don't match the method signature for FormApp.ListItem.setChoices.");
      return v;
    });
    setChoiceList(this.item, values);
    return expose<ListItem>(this);
  }

  setHelpText(text: string): ListItem {
    this.item.helpText = String(text);
    return expose<ListItem>(this);
  }

  setRequired(enabled: boolean): ListItem {
    this.item.required = enabled === true;
    return expose<ListItem>(this);
  }

  setTitle(title: string): ListItem {
    this.item.title = String(title);
    return expose<ListItem>(this);
  }
}
type _ListItemIsExact = Assert<ExactApi<FakeListItem, ListItem, ListItemMember>>;

function listItemApi(drive: FakeForms, form: FormModel, item: ItemModel): ListItem {
  return facadeOf<ListItem>(item, 'ListItem', () => expose<ListItem>(new FakeListItem(drive, form, item)));
}

// ----- TextItem, ParagraphTextItem ---------------------------------------------------------------

type TextItemMember =
  | 'clearValidation'
  | 'createResponse'
  | 'getHelpText'
  | 'getId'
  | 'getIndex'
  | 'getTitle'
  | 'getType'
  | 'isRequired'
  | 'setHelpText'
  | 'setRequired'
  | 'setTitle'
  | 'setValidation';

class FakeTextItem extends ItemFacade implements Pick<TextItem, TextItemMember> {
  constructor(drive: FakeForms, form: FormModel, item: ItemModel) {
    super(drive, form, item);
  }

  clearValidation(): TextItem {
    this.item.validation = null;
    return expose<TextItem>(this);
  }

  createResponse(response: string): ItemResponse {
    return itemResponseApi(this.drive, this.form, this.item, String(response));
  }

  getHelpText(): string {
    return this.item.helpText;
  }

  getId(): number {
    return this.item.id;
  }

  getIndex(): number {
    return this.form.items.indexOf(this.item);
  }

  getTitle(): string {
    return this.item.title;
  }

  getType(): ItemType {
    return asType<ItemType>(this.item.type);
  }

  isRequired(): boolean {
    return this.item.required;
  }

  setHelpText(text: string): TextItem {
    this.item.helpText = String(text);
    return expose<TextItem>(this);
  }

  setRequired(enabled: boolean): TextItem {
    this.item.required = enabled === true;
    return expose<TextItem>(this);
  }

  setTitle(title: string): TextItem {
    this.item.title = String(title);
    return expose<TextItem>(this);
  }

  /** Takes a built TextValidation (or, as Apps Script also does, the builder itself). */
  setValidation(validation: TextValidation): TextItem {
    const rule = validationRules.get(validation as object);
    if (rule === undefined) throw new AppsScriptException("The parameters (Object) don't match the method signature for FormApp.TextItem.setValidation.");
    this.item.validation = rule;
    return expose<TextItem>(this);
  }
}
type _TextItemIsExact = Assert<ExactApi<FakeTextItem, TextItem, TextItemMember>>;

function textItemApi(drive: FakeForms, form: FormModel, item: ItemModel): TextItem {
  return facadeOf<TextItem>(item, 'TextItem', () => expose<TextItem>(new FakeTextItem(drive, form, item)));
}

type ParagraphMember = 'createResponse' | 'getHelpText' | 'getId' | 'getIndex' | 'getTitle' | 'getType' | 'isRequired' | 'setHelpText' | 'setRequired' | 'setTitle';

class FakeParagraphTextItem extends ItemFacade implements Pick<ParagraphTextItem, ParagraphMember> {
  constructor(drive: FakeForms, form: FormModel, item: ItemModel) {
    super(drive, form, item);
  }

  createResponse(response: string): ItemResponse {
    return itemResponseApi(this.drive, this.form, this.item, String(response));
  }

  getHelpText(): string {
    return this.item.helpText;
  }

  getId(): number {
    return this.item.id;
  }

  getIndex(): number {
    return this.form.items.indexOf(this.item);
  }

  getTitle(): string {
    return this.item.title;
  }

  getType(): ItemType {
    return asType<ItemType>(this.item.type);
  }

  isRequired(): boolean {
    return this.item.required;
  }

  setHelpText(text: string): ParagraphTextItem {
    this.item.helpText = String(text);
    return expose<ParagraphTextItem>(this);
  }

  setRequired(enabled: boolean): ParagraphTextItem {
    this.item.required = enabled === true;
    return expose<ParagraphTextItem>(this);
  }

  setTitle(title: string): ParagraphTextItem {
    this.item.title = String(title);
    return expose<ParagraphTextItem>(this);
  }
}
type _ParagraphIsExact = Assert<ExactApi<FakeParagraphTextItem, ParagraphTextItem, ParagraphMember>>;

function paragraphItemApi(drive: FakeForms, form: FormModel, item: ItemModel): ParagraphTextItem {
  return facadeOf<ParagraphTextItem>(item, 'ParagraphTextItem', () => expose<ParagraphTextItem>(new FakeParagraphTextItem(drive, form, item)));
}

// ----- Text validation ---------------------------------------------------------------------------

type BuilderMember = 'build' | 'requireNumberGreaterThanOrEqualTo' | 'requireTextIsEmail' | 'requireTextMatchesPattern' | 'requireWholeNumber' | 'setHelpText';

/** One rule: each `require…` replaces the one before, as Forms keeps one validation per question. */
class FakeTextValidationBuilder extends CountedFake implements Pick<TextValidationBuilder, BuilderMember> {
  private rule: ValidationRule | null = null;
  private helpText = '';

  constructor(calls: CallCounter) {
    super(calls);
    validationRules.set(this, null);
  }

  build(): TextValidation {
    if (!this.rule) throw new AppsScriptException('A text validation needs a criterion (one of the require… methods) before build().');
    const built = expose<TextValidation>(new FakeTextValidation(this.callCounter));
    validationRules.set(built as object, { ...this.rule, helpText: this.helpText });
    return built;
  }

  requireNumberGreaterThanOrEqualTo(number: number): TextValidationBuilder {
    return this.set({ rule: 'numberAtLeast', number: Number(number), helpText: '' });
  }

  requireTextIsEmail(): TextValidationBuilder {
    return this.set({ rule: 'email', helpText: '' });
  }

  requireTextMatchesPattern(pattern: string): TextValidationBuilder {
    const text = String(pattern);
    try {
      new RegExp(text);
    } catch {
      throw new AppsScriptException(INVALID_FORM_DATA);
    }
    return this.set({ rule: 'pattern', pattern: text, helpText: '' });
  }

  requireWholeNumber(): TextValidationBuilder {
    return this.set({ rule: 'wholeNumber', helpText: '' });
  }

  setHelpText(text: string): TextValidationBuilder {
    this.helpText = String(text);
    if (this.rule) validationRules.set(this, { ...this.rule, helpText: this.helpText });
    return expose<TextValidationBuilder>(this);
  }

  private set(rule: ValidationRule): TextValidationBuilder {
    this.rule = rule;
    validationRules.set(this, { ...rule, helpText: this.helpText });
    return expose<TextValidationBuilder>(this);
  }
}
type _BuilderIsExact = Assert<ExactApi<FakeTextValidationBuilder, TextValidationBuilder, BuilderMember>>;

/** Opaque, as in Apps Script: TextValidation has no methods. */
class FakeTextValidation extends CountedFake implements Pick<TextValidation, never> {
  constructor(calls: CallCounter) {
    super(calls);
  }
}
type _ValidationIsExact = Assert<ExactApi<FakeTextValidation, TextValidation, never>>;

// ----- Responses ---------------------------------------------------------------------------------

class FakeItemResponse extends CountedFake implements Pick<ItemResponse, 'getItem' | 'getResponse'> {
  constructor(
    private readonly drive: FakeForms,
    private readonly form: FormModel,
    private readonly item: ItemModel,
    private readonly value: string,
  ) {
    super(drive.calls);
  }

  getItem(): Item {
    return itemApi(this.drive, this.form, this.item);
  }

  getResponse(): string {
    return this.value;
  }
}
type _ItemResponseIsExact = Assert<ExactApi<FakeItemResponse, ItemResponse, 'getItem' | 'getResponse'>>;

function itemResponseApi(drive: FakeForms, form: FormModel, item: ItemModel, value: string): ItemResponse {
  const response = expose<ItemResponse>(new FakeItemResponse(drive, form, item, value));
  itemResponses.set(response as object, { item, value });
  return response;
}

type FormResponseMember = 'getId' | 'getItemResponses' | 'getTimestamp' | 'submit' | 'toPrefilledUrl' | 'withItemResponse';

class FakeFormResponse extends CountedFake implements Pick<FormResponse, FormResponseMember> {
  private readonly answers = new Map<number, string>();
  private submitted: ResponseModel | null;

  constructor(
    private readonly drive: FakeForms,
    private readonly form: FormModel,
    stored: ResponseModel | null,
  ) {
    super(drive.calls);
    this.submitted = stored;
    if (stored) for (const a of stored.answers) this.answers.set(a.itemId, a.value);
  }

  getId(): string {
    return this.submitted?.id ?? (null as unknown as string);
  }

  getItemResponses(): ItemResponse[] {
    return this.form.items.filter((i) => this.answers.has(i.id)).map((i) => itemResponseApi(this.drive, this.form, i, this.answers.get(i.id) as string));
  }

  getTimestamp(): GoogleAppsScript.Base.Date {
    return (this.submitted ? new Date(this.submitted.timestamp.getTime()) : null) as unknown as GoogleAppsScript.Base.Date;
  }

  submit(): FormResponse {
    if (this.submitted) throw new AppsScriptException('This response has already been submitted.');
    if (!this.form.published) throw new AppsScriptException(UNPUBLISHED_MESSAGE);
    const model: ResponseModel = {
      id: this.drive.newResponseId(),
      timestamp: new Date(),
      answers: this.form.items.filter((i) => this.answers.has(i.id)).map((i) => ({ itemId: i.id, value: this.answers.get(i.id) as string })),
    };
    this.form.record(model);
    this.submitted = model;
    return expose<FormResponse>(this);
  }

  toPrefilledUrl(): string {
    if (!this.form.published) throw new AppsScriptException(UNPUBLISHED_MESSAGE);
    const params = this.form.items
      .filter((i) => this.answers.has(i.id))
      .map((i) => `entry.${i.entryId}=${formEncode(this.answers.get(i.id) as string)}`);
    return `${this.form.publishedUrl}?usp=pp_url${params.map((p) => `&${p}`).join('')}`;
  }

  withItemResponse(response: ItemResponse): FormResponse {
    const r = itemResponses.get(response as unknown as object);
    if (!r || !this.form.items.includes(r.item)) throw new AppsScriptException("The parameters (Object) don't match the method signature for FormApp.FormResponse.withItemResponse.");
    this.answers.set(r.item.id, r.value);
    return expose<FormResponse>(this);
  }
}
type _FormResponseIsExact = Assert<ExactApi<FakeFormResponse, FormResponse, FormResponseMember>>;

// ----- Form --------------------------------------------------------------------------------------

type FormMember =
  | 'addListItem'
  | 'addParagraphTextItem'
  | 'addTextItem'
  | 'createResponse'
  | 'getConfirmationMessage'
  | 'getDescription'
  | 'getDestinationId'
  | 'getDestinationType'
  | 'getEditUrl'
  | 'getId'
  | 'getItemById'
  | 'getItems'
  | 'getPublishedUrl'
  | 'getResponses'
  | 'getTitle'
  | 'isAcceptingResponses'
  | 'isPublished'
  | 'removeDestination'
  | 'setAcceptingResponses'
  | 'setConfirmationMessage'
  | 'setDescription'
  | 'setDestination'
  | 'setPublished'
  | 'setTitle';

class FakeForm extends CountedFake implements Pick<Form, FormMember> {
  constructor(
    private readonly drive: FakeForms,
    private readonly form: FormModel,
  ) {
    super(drive.calls);
  }

  addListItem(): ListItem {
    return listItemApi(this.drive, this.form, this.drive.newItem(this.form, 'LIST'));
  }

  addParagraphTextItem(): ParagraphTextItem {
    return paragraphItemApi(this.drive, this.form, this.drive.newItem(this.form, 'PARAGRAPH_TEXT'));
  }

  addTextItem(): TextItem {
    return textItemApi(this.drive, this.form, this.drive.newItem(this.form, 'TEXT'));
  }

  createResponse(): FormResponse {
    return expose<FormResponse>(new FakeFormResponse(this.drive, this.form, null));
  }

  getConfirmationMessage(): string {
    return this.form.confirmation;
  }

  getDescription(): string {
    return this.form.description;
  }

  getDestinationId(): string {
    // Guessed text: Google's exact words for a form without a destination are not known here.
    if (!this.form.destination) throw new AppsScriptException('The form currently has no response destination.');
    return this.form.destination.id;
  }

  getDestinationType(): DestinationType {
    if (!this.form.destination) throw new AppsScriptException('The form currently has no response destination.');
    return asType<DestinationType>('SPREADSHEET');
  }

  getEditUrl(): string {
    return this.form.editUrl;
  }

  getId(): string {
    return this.form.id;
  }

  /** null when the form has no item with this id, as the reference says. */
  getItemById(id: number): Item {
    const item = this.form.items.find((i) => i.id === id);
    return (item ? itemApi(this.drive, this.form, item) : null) as Item;
  }

  getItems(itemType?: ItemType): Item[] {
    const type = itemType === undefined ? null : String(itemType);
    return this.form.items.filter((i) => type === null || i.type === type).map((i) => itemApi(this.drive, this.form, i));
  }

  getPublishedUrl(): string {
    if (!this.form.published) throw new AppsScriptException(UNPUBLISHED_MESSAGE);
    return this.form.publishedUrl;
  }

  getResponses(): FormResponse[] {
    return this.form.responses.map((r) => expose<FormResponse>(new FakeFormResponse(this.drive, this.form, r)));
  }

  getTitle(): string {
    return this.form.title;
  }

  isAcceptingResponses(): boolean {
    return this.form.published && this.form.accepting;
  }

  isPublished(): boolean {
    return this.form.published;
  }

  removeDestination(): Form {
    this.form.destination?.unlinkFormResponses(this.form.formUrl);
    this.form.destination = null;
    return expose<Form>(this);
  }

  setAcceptingResponses(enabled: boolean): Form {
    if (!this.form.published) throw new AppsScriptException(UNPUBLISHED_MESSAGE);
    this.form.accepting = enabled === true;
    return expose<Form>(this);
  }

  setConfirmationMessage(message: string): Form {
    this.form.confirmation = String(message);
    return expose<Form>(this);
  }

  setDescription(description: string): Form {
    this.form.description = String(description);
    return expose<Form>(this);
  }

  /** Links the form to a spreadsheet: Google adds the response sheet there (see FakeWorkbook.linkFormResponses). */
  setDestination(type: DestinationType, id: string): Form {
    if (String(type) !== 'SPREADSHEET') throw new AppsScriptException("The parameters (String,String) don't match the method signature for FormApp.Form.setDestination.");
    const workbook = this.drive.spreadsheet(String(id));
    this.form.destination?.unlinkFormResponses(this.form.formUrl);
    this.form.destination = workbook;
    workbook.linkFormResponses(this.form.formUrl, this.form.questions().map((i) => i.title));
    return expose<Form>(this);
  }

  setPublished(enabled: boolean): Form {
    this.form.published = enabled === true;
    if (!this.form.published) this.form.accepting = false;
    else this.form.accepting = true;
    return expose<Form>(this);
  }

  setTitle(title: string): Form {
    this.form.title = String(title);
    return expose<Form>(this);
  }
}
type _FormIsExact = Assert<ExactApi<FakeForm, Form, FormMember>>;

// ----- FormApp -----------------------------------------------------------------------------------

type FormAppMember = 'DestinationType' | 'ItemType' | 'create' | 'createTextValidation' | 'openById' | 'openByUrl';

class FakeFormApp extends CountedFake implements Pick<FormApp, FormAppMember> {
  readonly DestinationType = fakeEnum<typeof GoogleAppsScript.Forms.DestinationType>('SPREADSHEET');
  readonly ItemType = fakeEnum<typeof GoogleAppsScript.Forms.ItemType>(
    'CHECKBOX',
    'CHECKBOX_GRID',
    'DATE',
    'DATETIME',
    'DURATION',
    'GRID',
    'IMAGE',
    'LIST',
    'MULTIPLE_CHOICE',
    'PAGE_BREAK',
    'PARAGRAPH_TEXT',
    'SCALE',
    'SECTION_HEADER',
    'TEXT',
    'TIME',
    'VIDEO',
    'FILE_UPLOAD',
  );

  constructor(private readonly drive: FakeForms) {
    super(drive.calls);
  }

  create(title: string): Form {
    this.drive.requireScope('create');
    return formApi(this.drive, this.drive.createForm(String(title)));
  }

  createTextValidation(): TextValidationBuilder {
    return expose<TextValidationBuilder>(new FakeTextValidationBuilder(this.callCounter));
  }

  openById(id: string): Form {
    this.drive.requireScope('openById');
    return formApi(this.drive, this.drive.openForm(String(id)));
  }

  openByUrl(url: string): Form {
    this.drive.requireScope('openByUrl');
    const m = /\/forms\/d\/([A-Za-z0-9_-]+)/.exec(String(url));
    if (!m || m[1] === 'e') throw new AppsScriptException(NO_ITEM_MESSAGE);
    return formApi(this.drive, this.drive.openForm(m[1]));
  }
}
type _FormAppIsExact = Assert<ExactApi<FakeFormApp, FormApp, FormAppMember>>;

for (const [fakeClass, apiName] of [
  [FakeItem, 'Item'],
  [FakeChoice, 'Choice'],
  [FakeListItem, 'ListItem'],
  [FakeTextItem, 'TextItem'],
  [FakeParagraphTextItem, 'ParagraphTextItem'],
  [FakeTextValidationBuilder, 'TextValidationBuilder'],
  [FakeTextValidation, 'TextValidation'],
  [FakeItemResponse, 'ItemResponse'],
  [FakeFormResponse, 'FormResponse'],
  [FakeForm, 'Form'],
  [FakeFormApp, 'FormApp'],
] as const) {
  countCalls(fakeClass, apiName);
}

/** The FormApp global over a coordinator's Drive of forms. */
export function createFormApp(drive: FakeForms): FormApp {
  return expose<FormApp>(new FakeFormApp(drive));
}
