import { ParsedSchoolYear, parseNumber, parseSchoolYear, parseTimestamp } from '../parse';
import { IMPORT_TEXT, PROTOCOL_TEXT } from '../strings';
import { Cell, Row, Table, cellText } from '../table';
import { fold } from '../text';
import { DetectedLayout } from './detect';
import { ProtocolColumns } from './protocolColumns';
import { dataRows, skip, splitLogin } from './rows';
import { readTitles } from './titles';
import { ParsedPaste, ProtocolStudent, Skip } from './types';

const at = (cells: Row, i: number | undefined): Cell => (i === undefined ? null : cells[i] ?? null);

/** «edu223017 | МБОУ "СОШ № 1"» (the sheet «Протокол») or «(sch223017) МБОУ …» → login and name. */
export function splitProtocolSchool(text: string): { code: string; name: string } {
  const m = text.match(/^\s*([A-Za-z]+\d+)\s*\|\s*(.*)$/);
  return m ? { code: m[1], name: m[2].trim() } : splitLogin(text);
}

/** 2–5 as written in the journal; null for «нет отметки», blank, 0, «н/а» and anything else. */
export function journalMarkOf(cell: Cell): number | null {
  const n = parseNumber(cell);
  return n && !n.percent && Number.isInteger(n.value) && n.value >= 2 && n.value <= 5 ? n.value : null;
}

/** The school year of a date: from September on, the year that starts then. */
function schoolYearOfDate(cell: Cell): string | null {
  const ms = parseTimestamp(cell);
  if (ms === null) return null;
  const d = new Date(ms);
  const end = d.getUTCMonth() + 1 >= 9 ? d.getUTCFullYear() + 1 : d.getUTCFullYear();
  return `${end - 1}/${end}`;
}

/**
 * A student-level ВПР protocol (issue 16). A participant is a student with a total; a student without
 * one (or «отсутствовал» in «Вариант») is absent and only counted. The ВПР mark is not in the
 * protocol: it follows from the total through the scale, later. The journal mark is kept only for
 * the comparison. A total above the sum of the task maxima is an error row.
 */
export function parseVprProtocol(table: Table, d: DetectedLayout): ParsedPaste {
  const c = d.protocol as ProtocolColumns;
  const students: ProtocolStudent[] = [];
  const absentRows: number[] = [];
  const skipped: Skip[] = [];
  const uploadYears = new Set<string>();
  const datesSeen = new Set<string>();
  for (const { row, cells } of dataRows(table, d.headerRow)) {
    const login = cellText(at(cells, c.login));
    const fromSchool = splitProtocolSchool(cellText(at(cells, c.school)));
    const code = fromSchool.code || login;
    const name = fromSchool.name;
    if (!code && !name) {
      skipped.push(skip(row, IMPORT_TEXT.noSchool));
      continue;
    }
    const shown = name || code;
    const variant = cellText(at(cells, c.variant));
    const totalCell = at(cells, c.total);
    const marked = fold(variant).includes('отсутств');
    if (cellText(totalCell) === '') {
      absentRows.push(row);
      continue;
    }
    if (marked) {
      skipped.push(skip(row, PROTOCOL_TEXT.absentWithTotal(variant), 'error', shown));
      continue;
    }
    const total = parseNumber(totalCell);
    if (!total || total.percent || !Number.isInteger(total.value) || total.value < 0) {
      skipped.push(skip(row, PROTOCOL_TEXT.badTotal(cellText(totalCell)), 'error', shown));
      continue;
    }
    if (c.maxTotal !== null && total.value > c.maxTotal) {
      skipped.push(skip(row, PROTOCOL_TEXT.totalOverMax(total.value, c.maxTotal), 'error', shown));
      continue;
    }
    const uploaded = at(cells, c.uploaded);
    const when = cellText(uploaded);
    // Every row of a protocol carries the date: each distinct one is read once.
    if (when !== '' && !datesSeen.has(when)) {
      datesSeen.add(when);
      const y = schoolYearOfDate(uploaded);
      if (y) uploadYears.add(y);
    }
    students.push({
      row,
      code,
      name,
      procedureText: '',
      yearCell: null,
      municipality: cellText(at(cells, c.municipality)),
      total: total.value,
      journalMark: journalMarkOf(at(cells, c.journalMark)),
    });
  }
  const uploadYear: ParsedSchoolYear | null = uploadYears.size === 1 ? parseSchoolYear([...uploadYears][0]) : null;
  return {
    layout: d.kind,
    titles: readTitles(table.slice(0, d.headerTop), 'ВПР'),
    perRowProcedure: false,
    perRowYear: false,
    results: [],
    students: [],
    protocol: { students, absentRows, maxTotal: c.maxTotal, uploadYear },
    skipped,
  };
}
