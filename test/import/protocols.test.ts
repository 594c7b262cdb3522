/**
 * Student-level ВПР protocols of ФИС ОКО (issue 16) in their three layouts. The fixtures are in
 * test/fixtures/protocols; every count below is worked out by hand from the rows listed in the comments.
 */
import { ImportHints, ImportPlan, detectLayout, planImport } from '../../src/engine/import';
import { defaultSettings, readSettings, Settings } from '../../src/engine/settings';
import { Journal } from '../../src/engine/journal';
import { Table } from '../../src/engine/table';
import { loadPaste, loadProtocol, typed } from './paste';

const registry = loadPaste('registry.tsv');
const MATH5 = { procedure: 'ВПР математика 5 кл.', year: '2020/2021' };

function plan(rows: Table, hints: ImportHints = {}, options: { registry?: Table | null; settings?: Settings; results?: Table } = {}): ImportPlan {
  return planImport({
    paste: { name: 'Протокол', rows },
    results: options.results ? { name: 'Результаты ОП', rows: options.results } : null,
    registry: options.registry === undefined ? registry : options.registry,
    settings: options.settings ?? defaultSettings(),
    hints,
  });
}

/** Year, code, P, F, mean, then the seven objectivity columns. */
const summary = (p: ImportPlan) => p.rows.map((r) => [r[0], r[1], r[3], r[4], r[5], r[7], ...r.slice(10)]);
const reasons = (p: ImportPlan) => p.skipped.map((s) => `${s.row}: ${s.reason}`);

describe('recognising a protocol by its header words', () => {
  it.each([
    ['vpr-math5-2021-logins.tsv', 'логин школы … всего баллов · балл за 1 …'],
    ['protocol-sheet-math5-2021.tsv', 'the sheet «Протокол»'],
    ['vpr-russian5-2021-latin.tsv', 'Latin user · otc · sum · a-1-grade'],
  ])('%s (%s)', (file) => {
    const d = detectLayout(loadProtocol(file));
    expect(d).toMatchObject({ kind: 'vpr-protocol', headerRow: 0 });
  });

  it('takes neither the class letter for the procedure nor the journal mark for the result', () => {
    const p = plan(loadProtocol('vpr-math5-2021-logins.tsv'));
    expect(p).toMatchObject({ layout: 'vpr-protocol', perRow: { procedure: false, year: false }, needs: ['procedure', 'year'], rows: [] });
    // The schools are recognised all the same (two of the registry; the third is not in it).
    expect(p.schools).toBe(2);
  });

  it('a login and a total are enough; a list with a mark of its own is not a protocol', () => {
    expect(detectLayout([['Логин ОО', 'Всего баллов'], ['sch240101', '12']])?.kind).toBe('vpr-protocol');
    expect(detectLayout([['Логин ОО', 'Итого баллов', 'Отметка'], ['sch240101', '25', '4']])?.kind).toBe('students');
  });

  it('reads the task maxima of «Протокол» («14 (2б)»): 8 × 1 + 6 × 2 = 20', () => {
    expect(detectLayout(loadProtocol('protocol-sheet-math5-2021.tsv'))?.protocol?.maxTotal).toBe(20);
    expect(detectLayout(loadProtocol('vpr-math5-2021-logins.tsv'))?.protocol?.maxTotal).toBeNull();
  });
});

describe('layout «логин школы · … · всего баллов»: ВПР математика 5 кл., 2021, scale 7; 11; 15', () => {
  const rows = loadProtocol('vpr-math5-2021-logins.tsv');

  it('without a scale it stops and asks for it, naming the settings row', () => {
    const p = plan(rows, MATH5);
    expect(p).toMatchObject({ needs: ['scale'], rows: [], append: null, scale: { value: null, source: null, settingsLabel: 'Шкала ВПР: ВПР математика 5 кл., 2020/2021' } });
  });

  it('P and F per school from the totals; absent students and students without a journal mark counted apart', () => {
    const p = plan(rows, { ...MATH5, scale: '7; 11; 15' });
    expect(p.needs).toEqual([]);
    // sch240101, rows 2–11: row 8 absent; totals 12 7 7 6 11 3 15 10 20 → P 9; F = totals below 7: 6, 3 → 2;
    //   journal 4 5 3 3 – 2 3 4 – against marks 4 3 3 2 4 2 5 3 5: down (5→3, 3→2, 4→3) 3, same (4, 3, 2) 3, up (3→5) 1;
    //   at 7: 2, at 6: 1, at 11: 1, at 10: 1; mean 91 / 9 = 10,11.
    // sch240102, rows 12–17: row 17 absent; totals 16 14 5 6 8 → P 5, F 2 (5, 6); journal 5 4 3 3 2 against 5 4 2 2 3:
    //   down 2, same 2, up 1; at 7: 0, at 6: 1, at 11: 0, at 10: 0; mean 49 / 5 = 9,8.
    expect(summary(p)).toEqual([
      ['2020/2021', 'sch240101', 'ВПР математика 5 кл.', 9, 2, 10.11, 3, 3, 1, 2, 1, 1, 1],
      ['2020/2021', 'sch240102', 'ВПР математика 5 кл.', 5, 2, 9.8, 2, 2, 1, 0, 1, 0, 0],
    ]);
    expect(p.students).toEqual({ participants: 14, absent: 2, noJournalMark: 2 });
    expect(p.scale).toMatchObject({ value: { three: 7, four: 11, five: 15 }, source: 'hint' });
    // Row 18–19: a school of another municipality (not in the registry) — one entry, not one per row; row 20 has no school.
    expect(reasons(p)).toEqual(['18: школа «sch249999» не найдена в справочнике', '19: школа «sch249999» не найдена в справочнике', '20: не указана школа']);
    const messages = p.journal.map((e) => e.message);
    expect(messages).toContain('Отсутствовали на работе (нет итогового балла): 2 обучающихся.');
    expect(messages).toContain('Без отметки по журналу 2–5 («нет отметки», пусто и т. п.): 2 участника.');
    expect(messages).toContain('Шкала перевода баллов в отметки: «3» — от 7, «4» — от 11, «5» — от 15 баллов (указана при импорте). Не справились — набравшие меньше минимального балла для «3».');
    expect(p.journal.filter((e) => /не из «Справочника ОО»/.test(e.message))).toEqual([
      expect.objectContaining({ level: 'warning', message: expect.stringContaining('Школ не из «Справочника ОО»: 1 (2 строки): sch249999.') }),
    ]);
  });

  it('the same counts once Google Sheets typed the paste (numbers, not text)', () => {
    expect(summary(plan(typed(rows), { ...MATH5, scale: '7,11,15' }))).toEqual(summary(plan(rows, { ...MATH5, scale: '7; 11; 15' })));
  });

  it('takes the scale from the settings row «Шкала ВПР: …»; a scale typed at the import wins and is reported', () => {
    const settings = readSettings([['Шкала ВПР: ВПР математика 5 кл., 2020/2021', '7; 11; 15']], new Journal()).settings;
    const fromSettings = plan(rows, MATH5, { settings });
    expect(fromSettings).toMatchObject({ needs: [], scale: { source: 'settings', value: { three: 7, four: 11, five: 15 } } });
    expect(summary(fromSettings)[0].slice(3, 5)).toEqual([9, 2]);
    const typedScale = plan(rows, { ...MATH5, scale: '8; 12; 16' }, { settings });
    // With 8 as the minimum for «3», the totals 6, 3 and 7, 7 fail at sch240101.
    expect(summary(typedScale)[0].slice(3, 5)).toEqual([9, 4]);
    expect(typedScale.journal).toContainEqual(expect.objectContaining({ level: 'warning', message: 'Шкала при импорте (8; 12; 16) отличается от шкалы в «Настройках» (7; 11; 15).' }));
  });

  it('a scale of another year or procedure is not used', () => {
    const settings = readSettings([['Шкала ВПР: ВПР математика 5 кл., 2021/2022', '7; 11; 15']], new Journal()).settings;
    expect(plan(rows, MATH5, { settings }).needs).toEqual(['scale']);
  });

  it('without «Справочник ОО» every login is a school', () => {
    const p = plan(rows, { ...MATH5, scale: '7; 11; 15' }, { registry: null });
    expect(p.rows.map((r) => [r[1], r[4], r[5]])).toEqual([
      ['sch240101', 9, 2],
      ['sch240102', 5, 2],
      // sch249999: totals 9 and 4 → P 2, F 1.
      ['sch249999', 2, 1],
    ]);
  });
});

describe('the sheet «Протокол»: «edu… | МБОУ …», task maxima, municipalities of the region', () => {
  const rows = loadProtocol('protocol-sheet-math5-2021.tsv');
  const p = plan(rows, { procedure: 'ВПР математика 5 кл.', scale: '7; 11; 15' });

  it('the school year from the upload dates (15.04.2021 → 2020/2021)', () => {
    expect(p).toMatchObject({ needs: [], year: '2020/2021', proposed: { year: '2020/2021' } });
    expect(p.journal.map((e) => e.message)).toContain('Учебный год 2020/2021 определён по датам загрузки работ в протоколе.');
  });

  it('«edu240103» is the registry’s «sch240103»; a total above the sum of the maxima is an error row', () => {
    // edu240103, rows 2–8: row 6 absent, row 7 total 21 > 20 (skipped); totals 20 15 15 11 7 → P 5, F 0;
    //   journal 5 4 5 5 – against 5 5 5 4 3: down 1, same 2, up 1; at 7: 1, at 6: 0, at 11: 1, at 10: 0; mean 68 / 5 = 13,6.
    // edu240104, rows 9–14: totals 6 7 7 7 0 10 → P 6, F 2 (6, 0); journal 3 3 4 3 2 3 against 2 3 3 3 2 3:
    //   down 2, same 4, up 0; at 7: 3, at 6: 1, at 11: 0, at 10: 1; mean 37 / 6 = 6,17.
    expect(summary(p)).toEqual([
      ['2020/2021', 'sch240103', 'ВПР математика 5 кл.', 5, 0, 13.6, 1, 2, 1, 1, 0, 1, 0],
      ['2020/2021', 'sch240104', 'ВПР математика 5 кл.', 6, 2, 6.17, 2, 4, 0, 3, 1, 0, 1],
    ]);
    expect(p.rows[0][2]).toBe('МАОУ "Гимназия № 3"');
    expect(reasons(p)).toContainEqual('7: итоговый балл 21 больше максимального (20 — сумма максимумов заданий)');
    expect(p.journal.map((e) => e.message)).toContain('Логины ФИС ОКО вида «edu…» сопоставлены с кодами «sch…» справочника (номер ОО тот же).');
  });

  it('another municipality’s «МБОУ "СОШ № 1"» is never taken for ours; an unknown school of ours is an error', () => {
    expect(reasons(p)).toEqual([
      '7: итоговый балл 21 больше максимального (20 — сумма максимумов заданий)',
      '15: строки другого муниципалитета («Южный район»)',
      '16: строки другого муниципалитета («Южный район»)',
      expect.stringMatching(/^17: школа «МБОУ "СОШ № 99" \(edu240199\)» не найдена в справочнике/),
    ]);
    expect(p.rows.some((r) => r[1] === 'sch240101')).toBe(false);
    expect(p.journal).toContainEqual(expect.objectContaining({ level: 'info', message: 'Строки другого муниципалитета («Южный район») (строки 15–16).' }));
    expect(p.journal).toContainEqual(expect.objectContaining({ level: 'error', row: 17, school: 'МБОУ "СОШ № 99"' }));
  });

  it('a scale whose «5» is above the maximum of the work is refused', () => {
    const bad = plan(rows, { procedure: 'ВПР математика 5 кл.', scale: '7; 11; 25' });
    expect(bad).toMatchObject({ needs: ['scale'], rows: [], scale: { value: null, problem: 'Минимальный балл для «5» (25) больше максимального балла работы (20 — сумма максимумов заданий): проверьте шкалу.' } });
  });
});

describe('a region’s protocol without «Справочник ОО»', () => {
  it('two schools of one name in two districts stay two schools: the login decides', () => {
    const rows = loadProtocol('protocol-sheet-math5-2021.tsv').map((r, i) => (i > 0 && r[0] === 'edu240104' ? [r[0], r[1], r[2], r[3], 'edu240104 | МАОУ "Гимназия № 3"', ...r.slice(5)] : r));
    const p = plan(rows, { procedure: 'ВПР математика 5 кл.', scale: '7; 11; 15' }, { registry: null });
    expect(p.rows.map((r) => [r[1], r[2], r[4]])).toEqual([
      ['edu240103', 'МАОУ "Гимназия № 3"', 5],
      ['edu240104', 'МАОУ "Гимназия № 3"', 6],
      ['edu250001', 'МБОУ "СОШ № 1"', 2],
      ['edu240199', 'МБОУ "СОШ № 99"', 1],
    ]);
  });
});

describe('the older export with Latin headers: ВПР русский язык 5 кл., 2021, scale 18; 29; 39', () => {
  it('`user` is the login, `sum` the total, `otc` the journal mark (0 = none)', () => {
    const p = plan(loadProtocol('vpr-russian5-2021-latin.tsv'), { procedure: 'ВПР русский язык 5 кл.', year: '2020/2021', scale: '18; 29; 39' });
    // sch240105, rows 2–8: row 7 absent; totals 30 28 18 17 40 29 → P 6, F 1 (17); otc 4 5 3 3 0 2 against 4 3 3 2 5 4:
    //   down 2, same 2, up 1 (otc 0 not compared); at 18: 1, at 17: 1, at 29: 1, at 28: 1; mean 162 / 6 = 27.
    // sch240101, rows 9–10: totals 45 39 → P 2, F 0; otc 5 4 against 5 5: same 1, up 1; no totals at the boundaries; mean 42.
    expect(summary(p)).toEqual([
      ['2020/2021', 'sch240105', 'ВПР русский язык 5 кл.', 6, 1, 27, 2, 2, 1, 1, 1, 1, 1],
      ['2020/2021', 'sch240101', 'ВПР русский язык 5 кл.', 2, 0, 42, 0, 1, 1, 0, 0, 0, 0],
    ]);
    expect(p.students).toEqual({ participants: 8, absent: 1, noJournalMark: 1 });
  });
});

describe('what never leaves the protocol', () => {
  it('no student code, class or sex reaches the plan', () => {
    const p = plan(loadProtocol('vpr-math5-2021-logins.tsv'), { ...MATH5, scale: '7; 11; 15' });
    const text = JSON.stringify({ rows: p.rows, journal: p.journal, skipped: p.skipped });
    for (const code of ['10001', '10012', '5а', 'НЕТ']) expect(text).not.toContain(code);
  });
});
