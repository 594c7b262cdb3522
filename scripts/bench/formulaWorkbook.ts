// The workbook of formulas a coordinator builds by hand today (issue 10), evaluated by HyperFormula
// (a devDependency under the GPL: it runs in the benchmark only, never in the add-on or the CLI).
// Per school and procedure a COUNTIFS of low results in each year, К1 / К2 from them, ИСБШ from the
// school's last answer (MAXIFS of the row), the cut-off with PERCENTILE.INC — the same flags as the
// engine on the synthetic workbooks of scripts/synthetic.ts.
import { HyperFormula } from 'hyperformula';
import { Table } from '../../src/engine';
import { PROCEDURES } from '../../src/engine/shnor/procedures';

type Sheet = (string | number | boolean | null)[][];

export interface FormulaFlags {
  shnor: boolean[];
  shnsu: boolean[];
  cutoff: number;
}

function plain(table: Table): Sheet {
  return table.map((row) => row.map((v) => (v instanceof Date ? v.toISOString() : v === '' ? null : v)));
}

/** A1-style column letter (0 → A). */
function col(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/**
 * Builds the formula workbook for a synthetic municipality and evaluates it. `year` and `previous`
 * are the analysis year and the one before; the results hold the school's code (or only its alias).
 */
export function formulaWorkbook(registry: Table, form: Table, results: Table, year: string, previous: string): FormulaFlags {
  const n = registry.length - 1;
  const procedures = PROCEDURES.filter((p) => p.shnor).map((p) => p.name);
  // «Расчёт»: the results with two helper columns a coordinator adds — the school's code (found by
  // its alias where the row has only a name) and whether the row is a low result of the main period.
  const rows = results.length;
  const work: Sheet = plain(results).map((r, i) => {
    if (i === 0) return [...r, 'Код', 'Низкий'];
    const at = i + 1;
    return [
      ...r,
      `=IF(B${at}<>"",B${at},INDEX('Справочник'!A:A,MATCH(C${at},'Справочник'!C:C,0)))`,
      `=IF(OR(I${at}<>"",J${at}<>""),FALSE(),IF(F${at}<>"",F${at}*100>=30*E${at},VALUE(SUBSTITUTE(SUBSTITUTE(G${at}," %",""),",","."))>=30))`,
    ];
  });
  const K = col(10);
  const L = col(11);
  const answers: Sheet = plain(form).map((r, i) => (i === 0 ? [...r, 'Строка'] : [...r, i + 1]));
  const school: Sheet = [['Код', ...procedures.flatMap((p) => [`${p} ${previous}`, `${p} ${year}`]), 'К1', 'К2', 'ШНОР', 'Строка ответа', 'ИСБШ', 'ШНСУ']];
  const first = 2 * procedures.length + 1;
  for (let s = 1; s <= n; s++) {
    const at = s + 1;
    const cells: (string | number)[] = [String(registry[s][0])];
    for (const p of procedures) {
      for (const y of [previous, year]) cells.push(`=COUNTIFS('Расчёт'!$${K}$2:$${K}$${rows},$A${at},'Расчёт'!$A$2:$A$${rows},"${y}",'Расчёт'!$D$2:$D$${rows},"${p}",'Расчёт'!$${L}$2:$${L}$${rows},TRUE())>0`);
    }
    const now = procedures.map((_, i) => `${col(2 + 2 * i)}${at}`);
    const before = procedures.map((_, i) => `${col(1 + 2 * i)}${at}`);
    const k1 = `${col(first)}${at}`;
    const k2 = `${col(first + 1)}${at}`;
    const line = `${col(first + 3)}${at}`;
    const index = `${col(first + 4)}${at}`;
    cells.push(
      `=(${now.map((c) => `IF(${c},1,0)`).join('+')})>=2`,
      `=AND(OR(${now.join(',')}),OR(${before.join(',')}))`,
      `=OR(${k1},${k2})`,
      `=MAXIFS('Анкета'!H:H,'Анкета'!B:B,A${at})`,
      `=85+15*INDEX('Анкета'!E:E,${line})/INDEX('Анкета'!D:D,${line})-20*INDEX('Анкета'!F:F,${line})/INDEX('Анкета'!D:D,${line})-65*INDEX('Анкета'!G:G,${line})/INDEX('Анкета'!D:D,${line})`,
      `=${index}<=PERCENTILE.INC($${col(first + 4)}$2:$${col(first + 4)}$${n + 1},0.25)`,
    );
    school.push(cells);
  }
  const hf = HyperFormula.buildFromSheets({ Справочник: plain(registry), Анкета: answers, Расчёт: work, Школы: school }, { licenseKey: 'gpl-v3' });
  const id = hf.getSheetId('Школы') as number;
  const values = hf.getSheetValues(id);
  const out: FormulaFlags = { shnor: [], shnsu: [], cutoff: NaN };
  for (let s = 1; s <= n; s++) {
    out.shnor.push(values[s][first + 2] === true);
    out.shnsu.push(values[s][first + 5] === true);
  }
  const ranked = values.slice(1).map((r) => r[first + 4] as number).sort((a, b) => a - b);
  const rank = 0.25 * (ranked.length - 1);
  const k = Math.floor(rank);
  out.cutoff = k + 1 < ranked.length ? ranked[k] + (rank - k) * (ranked[k + 1] - ranked[k]) : ranked[k];
  hf.destroy();
  return out;
}
