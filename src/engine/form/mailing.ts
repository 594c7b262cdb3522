import type { Analysis } from '../analyze';
import { ColumnSpec, SCHOOL_CODE_SPEC, SCHOOL_NAME_SPEC, findHeader } from '../headers';
import { schoolChoice } from '../schools/choice';
import { normalizeCode, normalizeSchoolName } from '../schools/registry';
import { COLORS, FORMATS, GeneratedSheet, SheetBuilder } from '../sheets/generated';
import { FORM_MAILING_SHEET, FORM_STATUS, FORM_TEXT, REGISTRY_EMAIL_HEADER } from '../strings';
import { Table, cellText, isBlankRow } from '../table';
import { PrefillTemplate, prefilledLink } from './prefill';

/**
 * «Кто не ответил» (issue 12): every school of the registry with the status of its answer for the
 * year the calculation reads, its e-mail and a link to the form with the school already chosen.
 * The statuses come from the same reading of the questionnaire as «Рассчитать», so «ответ принят»
 * here is exactly a school that gets an ИСБШ there.
 */

export type MailingStatus = keyof typeof FORM_STATUS;

export interface MailingRow {
  code: string;
  name: string;
  status: MailingStatus;
  statusLabel: string;
  /** Why the answer does not count, or why there is no link; '' when all is well. */
  reason: string;
  email: string;
  /** The prefilled link for this school; '' when the form is unknown or lacks the school. */
  link: string;
  /** The row of the answer that counts (or that has the error), in the questionnaire sheet. */
  responseRow: number | null;
}

/** What the add-on learnt from the form itself. */
export interface MailingForm {
  title: string;
  /** The respondents' link. */
  url: string;
  /** The school choices the form offers now. */
  schoolChoices: string[];
  yearChoices: string[];
  /** Built from one prefilled link; null when Google's link could not be read. */
  prefill: PrefillTemplate | null;
}

export interface Mailing {
  /** The school year of the answers the calculation reads (null: the form asks none). */
  year: string | null;
  form: MailingForm | null;
  questionnaireSheet: string | null;
  /** Missing first, then invalid, then accepted; registry order within each. */
  rows: MailingRow[];
  counts: Record<MailingStatus, number>;
  /** The text of the schools without a valid answer with their links, for a letter. */
  letter: string;
}

const ORDER: MailingStatus[] = ['missing', 'invalid', 'accepted'];

type EmailKey = 'code' | 'name' | 'email';
const EMAIL_COLUMNS: ColumnSpec<EmailKey>[] = [
  { key: 'code', ...SCHOOL_CODE_SPEC },
  { key: 'email', label: REGISTRY_EMAIL_HEADER, any: [['эл почта'], ['электронная почта'], ['адрес электронной почты'], ['e mail'], ['email'], ['почта']], required: true },
  { key: 'name', ...SCHOOL_NAME_SPEC },
];

/** E-mails of the optional registry column «Эл. почта», by normalised code (or name for a school without one). */
export function registryEmails(table: Table | null): Map<string, string> {
  const emails = new Map<string, string>();
  if (!table) return emails;
  const header = findHeader(table, EMAIL_COLUMNS);
  const col = header.columns;
  if (col.email === undefined) return emails;
  for (const row of table.slice(header.headerRow + 1)) {
    if (isBlankRow(row)) continue;
    const email = cellText(row[col.email]);
    if (!email) continue;
    const code = col.code !== undefined ? normalizeCode(cellText(row[col.code])) : '';
    const name = col.name !== undefined ? normalizeSchoolName(cellText(row[col.name])) : '';
    const key = code ? `code:${code}` : name ? `name:${name}` : '';
    if (key && !emails.has(key)) emails.set(key, email);
  }
  return emails;
}

/** The statuses of every registry school, from an analysis of the spreadsheet as it is. */
export function mailingList(a: Analysis, registryTable: Table | null, form: MailingForm | null): Mailing {
  const q = a.questionnaire;
  const year = q?.year ?? null;
  const emails = registryEmails(registryTable);
  const offered = new Set(form?.schoolChoices ?? []);
  const prefillYear = year && form?.yearChoices.includes(year) ? year : null;
  const rows: MailingRow[] = a.schools.map((o) => {
    const s = o.school;
    const invalid = q?.invalid.get(s.id);
    const answered = q?.responses.get(s.id);
    let status: MailingStatus;
    let reason = '';
    let responseRow: number | null = null;
    if (o.isbsh !== null) {
      status = 'accepted';
      responseRow = o.response?.row ?? null;
    } else if (invalid) {
      status = 'invalid';
      reason = invalid.problem;
      responseRow = invalid.row;
    } else if (answered) {
      // A valid answer whose index falls outside 0–100: «Рассчитать» does not count it either.
      status = 'invalid';
      reason = o.isbshRemark;
      responseRow = answered.row;
    } else {
      status = 'missing';
    }
    let link = '';
    const choice = schoolChoice(s);
    if (form?.prefill) {
      if (offered.has(choice)) link = prefilledLink(form.prefill, choice, prefillYear);
      else if (status !== 'accepted') reason = reason ? `${reason}; ${FORM_TEXT.notInForm}` : FORM_TEXT.notInForm;
    }
    const emailKey = s.code ? `code:${normalizeCode(s.code)}` : `name:${normalizeSchoolName(s.name)}`;
    return { code: s.code, name: s.name, status, statusLabel: FORM_STATUS[status], reason, email: emails.get(emailKey) ?? '', link, responseRow };
  });
  rows.sort((x, y) => ORDER.indexOf(x.status) - ORDER.indexOf(y.status));
  const counts = { accepted: 0, invalid: 0, missing: 0 };
  for (const r of rows) counts[r.status]++;
  const mailing: Mailing = { year, form, questionnaireSheet: q?.sheet ?? null, rows, counts, letter: '' };
  mailing.letter = letterText(mailing);
  return mailing;
}

/** «Скопировать список»: the schools without a valid answer, each with its link, ready for a letter. */
export function letterText(m: Mailing): string {
  const lines: string[] = [];
  if (m.form) lines.push(FORM_TEXT.letterHead(m.form.title, m.year));
  const missing = m.rows.filter((r) => r.status === 'missing');
  const invalid = m.rows.filter((r) => r.status === 'invalid');
  if (missing.length + invalid.length === 0) {
    lines.push(FORM_TEXT.letterAll);
    return lines.join('\n');
  }
  const withLinks = m.rows.some((r) => r.link !== '');
  if (withLinks) lines.push(FORM_TEXT.letterLinkNote);
  else if (m.form) lines.push(FORM_TEXT.letterCommonLink(m.form.url));
  const school = (r: MailingRow, i: number, why: boolean) => {
    const head = `${i + 1}. ${r.name}${r.code ? ` (код ${r.code})` : ''}${r.email ? ` — ${r.email}` : ''}`;
    const out = [head];
    if (why && r.reason) out.push(`   ${FORM_TEXT.reasonLabel}: ${r.reason}`);
    if (r.link) out.push(`   ${r.link}`);
    return out.join('\n');
  };
  if (missing.length > 0) lines.push('', FORM_TEXT.letterMissing(missing.length), ...missing.map((r, i) => school(r, i, false)));
  if (invalid.length > 0) lines.push('', FORM_TEXT.letterInvalid(invalid.length), ...invalid.map((r, i) => school(r, i, true)));
  return lines.join('\n');
}

const STATUS_COLORS: Record<MailingStatus, string> = { accepted: COLORS.reached, invalid: COLORS.warning, missing: COLORS.error };

/** The generated sheet «Рассылка анкеты». */
export function mailingSheet(m: Mailing, generatedAt: string): GeneratedSheet {
  const headers = FORM_TEXT.headers;
  const b = new SheetBuilder(FORM_MAILING_SHEET, generatedAt, headers.length);
  b.row([FORM_TEXT.sheetTitle], { bold: true });
  if (m.form) {
    b.row([FORM_TEXT.formLine(m.form.title)]);
    b.row([FORM_TEXT.linkLine(m.form.url)]);
  } else {
    b.row([FORM_TEXT.noForm]);
  }
  b.row([FORM_TEXT.yearLine(m.year)]);
  b.row([FORM_TEXT.countsLine(m.counts.accepted, m.counts.invalid, m.counts.missing)]);
  if (m.form) b.row([FORM_TEXT.linkHint]);
  b.blank();
  const head = b.header([...headers]);
  for (const r of m.rows) {
    const i = b.row([r.code, r.name, r.statusLabel, r.reason, r.email, r.link, r.responseRow], { formats: [null, null, null, null, null, null, FORMATS.integer] });
    b.highlight(i, 2, STATUS_COLORS[r.status]);
  }
  b.freeze(head + 1);
  b.widths([90, 320, 130, 320, 220, 420, 90]);
  b.wrap(1, 3);
  return b.build();
}
