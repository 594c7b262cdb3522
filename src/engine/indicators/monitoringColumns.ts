import { MONITORING_HEADERS } from '../strings';
import { headerKey } from '../text';
import { INDICATORS, NUMBER_COLUMNS, NumberColumnKey } from './catalogue';

/** One column of «Мониторинг» the working group fills. */
export interface MonitoringColumn {
  /** The indicator id for a checklist item, the NUMBER_COLUMNS key for a number. */
  key: string;
  header: string;
  kind: 'check' | 'number';
  /** Only rows of ШНОР/ШНСУ count in this column (greyed for the other schools). */
  listedOnly: boolean;
  /** Hover note on the header: the full indicator text(s). */
  note: string;
}

function checkColumns(): MonitoringColumn[] {
  return INDICATORS.filter((i) => i.source.kind === 'checklist').map((i) => ({
    key: i.id,
    header: `${i.id} ${i.short}`,
    kind: 'check',
    listedOnly: i.population !== 'all',
    note: `${i.id}. ${i.text}. Целевое значение: ${i.target} %.`,
  }));
}

function numberColumns(): MonitoringColumn[] {
  return (Object.keys(NUMBER_COLUMNS) as NumberColumnKey[]).map((key) => {
    const uses = INDICATORS.filter((i) => i.source.kind === 'ratio' && (i.source.numerator === key || i.source.denominator === key)).map((i) => {
      const role = i.source.kind === 'ratio' && i.source.numerator === key ? 'числитель' : 'знаменатель';
      return `${i.id} (${role}): ${i.text}.`;
    });
    return { key, header: NUMBER_COLUMNS[key], kind: 'number', listedOnly: true, note: `Число педагогов ШНОР и ШНСУ по данным школы. Используется в показателях:\n${uses.join('\n')}` };
  });
}

/** The columns in sheet order: the checklist, then the numbers. */
export const MONITORING_COLUMNS: MonitoringColumn[] = [...checkColumns(), ...numberColumns()];

export type FixedColumn = keyof typeof MONITORING_HEADERS;

/**
 * Which column a header names: one of the fixed columns, one of ours, or null (an extra column the
 * working group added). A checklist header is also recognised by its id alone, so the group may
 * reword the short text after the id.
 */
export function matchMonitoringHeader(text: string): { fixed: FixedColumn } | { column: MonitoringColumn } | null {
  const key = headerKey(text);
  if (key === '') return null;
  for (const fixed of Object.keys(MONITORING_HEADERS) as FixedColumn[]) {
    if (key === headerKey(MONITORING_HEADERS[fixed])) return { fixed };
  }
  for (const column of MONITORING_COLUMNS) {
    if (key === headerKey(column.header)) return { column };
    if (column.kind === 'check' && (key === headerKey(column.key) || key.startsWith(`${headerKey(column.key)} `))) return { column };
  }
  if (key === 'код' || key === 'логин' || key === 'логин оо') return { fixed: 'code' };
  if (key === 'наименование' || key === 'школа' || key === 'оо' || key === 'образовательная организация') return { fixed: 'name' };
  return null;
}
