import { schoolChoice } from '../schools/choice';
import type { School } from '../schools/registry';
import { FORM_QUESTIONS, FORM_TEXT } from '../strings';

/**
 * The schools' questionnaire form as data (issue 12): one description that the add-on turns into a
 * Google Form, the CLI prints for a coordinator who builds it by hand, and the tests check.
 */

export type QuestionKey = keyof typeof FORM_QUESTIONS;

/** A dropdown (FormApp ListItem): the answer must be one of the choices. */
export interface ListQuestion {
  key: 'school' | 'year';
  kind: 'list';
  title: string;
  help: string;
  required: true;
  choices: string[];
}

/**
 * A whole number typed as a short answer (FormApp TextItem). Forms allows one validation rule per
 * question: `requireWholeNumber` would let «-3» through and cannot also say «≥ 0», so the rule is
 * a pattern of digits, which is both at once (and «N > 0» for the total).
 */
export interface CountQuestion {
  key: 'total' | 'higher' | 'single' | 'register';
  kind: 'count';
  title: string;
  help: string;
  required: true;
  /** Smallest value allowed. */
  minimum: 0 | 1;
  /** Regular expression the whole answer must match (FormApp `requireTextMatchesPattern`). */
  pattern: string;
  /** What Forms says when the answer does not match. */
  validationHelp: string;
}

export interface EmailQuestion {
  key: 'email';
  kind: 'email';
  title: string;
  help: string;
  required: false;
  validationHelp: string;
}

export interface CommentQuestion {
  key: 'comment';
  kind: 'paragraph';
  title: string;
  help: string;
  required: false;
}

export type Question = ListQuestion | CountQuestion | EmailQuestion | CommentQuestion;

export interface FormSpec {
  title: string;
  description: string;
  confirmation: string;
  /** The school year the form is titled with: the current one. */
  year: string;
  questions: Question[];
  /** Remarks for the coordinator about the list of schools (no code, duplicate names, no municipality). */
  remarks: string[];
}

/** Digits only; optional spaces around them, which Sheets drops when it reads the number. */
export const WHOLE_NUMBER_PATTERN = '^\\s*[0-9]+\\s*$';
/** Digits only and not zero. */
export const POSITIVE_NUMBER_PATTERN = '^\\s*0*[1-9][0-9]*\\s*$';

/** A day as the shell's clock gives it in the spreadsheet's time zone. */
export interface Today {
  year: number;
  /** 1–12. */
  month: number;
}

/** The school year a day belongs to: it starts on 1 September. */
export function schoolYearOf(today: Today): string {
  const start = today.month >= 9 ? today.year : today.year - 1;
  return `${start}/${start + 1}`;
}

/** The form's «Учебный год» choices: the current school year and the previous one. */
export function schoolYearChoices(today: Today): string[] {
  const current = schoolYearOf(today);
  const start = Number(current.slice(0, 4));
  return [current, `${start - 1}/${start}`];
}

/**
 * The dropdown of schools: every school of the registry as «Наименование (код 001)», in
 * alphabetical order so that a school finds itself quickly. Two schools without a code and with the
 * same name would give the same choice: it is listed once and the coordinator is told.
 */
export function schoolChoices<S extends Pick<School, 'code' | 'name'>>(schools: S[]): { choices: string[]; withoutCode: S[]; duplicates: string[] } {
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  const choices: string[] = [];
  for (const s of schools) {
    const choice = schoolChoice(s);
    if (choice === '') continue;
    if (seen.has(choice)) {
      duplicates.add(choice);
      continue;
    }
    seen.add(choice);
    choices.push(choice);
  }
  choices.sort((a, b) => a.localeCompare(b, 'ru'));
  return { choices, withoutCode: schools.filter((s) => s.code.trim() === ''), duplicates: [...duplicates] };
}

export interface FormSpecInput {
  schools: Pick<School, 'code' | 'name'>[];
  municipality: string | null;
  today: Today;
}

export function questionnaireFormSpec(input: FormSpecInput): FormSpec {
  const year = schoolYearOf(input.today);
  const { choices, withoutCode, duplicates } = schoolChoices(input.schools);
  const q = FORM_QUESTIONS;
  const count = (key: CountQuestion['key'], minimum: 0 | 1): CountQuestion => ({
    key,
    kind: 'count',
    title: q[key].title,
    help: q[key].help,
    required: true,
    minimum,
    pattern: minimum === 1 ? POSITIVE_NUMBER_PATTERN : WHOLE_NUMBER_PATTERN,
    validationHelp: q[key].validation,
  });
  const remarks: string[] = [];
  if (!input.municipality) remarks.push(FORM_TEXT.noMunicipality);
  if (withoutCode.length > 0) remarks.push(FORM_TEXT.noCode(withoutCode.map((s) => `«${s.name}»`).join(', ')));
  if (duplicates.length > 0) remarks.push(FORM_TEXT.duplicateChoice(duplicates.map((d) => `«${d}»`).join(', ')));
  return {
    title: FORM_TEXT.title(input.municipality, year),
    description: FORM_TEXT.description,
    confirmation: FORM_TEXT.confirmation,
    year,
    questions: [
      { key: 'school', kind: 'list', title: q.school.title, help: q.school.help, required: true, choices },
      { key: 'year', kind: 'list', title: q.year.title, help: q.year.help, required: true, choices: schoolYearChoices(input.today) },
      count('total', 1),
      count('higher', 0),
      count('single', 0),
      count('register', 0),
      { key: 'email', kind: 'email', title: q.email.title, help: q.email.help, required: false, validationHelp: q.email.validation },
      { key: 'comment', kind: 'paragraph', title: q.comment.title, help: q.comment.help, required: false },
    ],
    remarks,
  };
}

type QuestionFor<K extends Question['key']> = K extends ListQuestion['key']
  ? ListQuestion
  : K extends CountQuestion['key']
    ? CountQuestion
    : K extends 'email'
      ? EmailQuestion
      : CommentQuestion;

/** The question of a spec by its key. */
export function questionOf<K extends Question['key']>(spec: FormSpec, key: K): QuestionFor<K> {
  const found = spec.questions.find((x) => x.key === key);
  if (!found) throw new Error(`В описании анкеты нет вопроса ${key}`);
  return found as QuestionFor<K>;
}
