import { analyze } from '../../src/engine/analyze';
import { buildReport } from '../../src/engine/report';
import { contextOf } from '../../src/engine/context';
import { HAND, Y, nameOf, workbook } from './fixture';

function context(input = workbook(HAND)) {
  const a = analyze(input);
  const c = contextOf(a);
  const by = (code: string) => c.schools.find((s) => s.outcome.school.code === code)!;
  return { a, c, by };
}

describe('context model on the hand-worked municipality (DESIGN §2.7)', () => {
  it('pools ΣF / ΣP over the switched-on procedures of Y', () => {
    const { by } = context();
    expect(by('s01').pooled).toMatchObject({ participants: 100, failed: 28, rows: 2 });
    expect(by('s01').share).toBeCloseTo(0.28, 15);
    expect(by('s08').share).toBeCloseTo(0.21, 15);
    expect(by('s11').share).toBe(0.5);
    expect(by('s10').share).toBeNull();
    expect(by('s10').pooled.missing).toBe('no-results');
  });

  it('fits a = 0,245, b = −0,001, R² = 0,49/28,14 over the eight schools with both values', () => {
    const { c } = context();
    expect(c.model).not.toBeNull();
    expect(c.model!.n).toBe(8);
    expect(c.model!.a).toBeCloseTo(0.245, 12);
    expect(c.model!.b).toBeCloseTo(-0.001, 14);
    expect(c.model!.r2).toBeCloseTo(0.49 / 28.14, 12);
    expect(c.problem).toBeNull();
  });

  it('gives each school p̂ and the residual; a residual of exactly 10 п.п. is «ниже ожидаемых»', () => {
    const { by } = context();
    const residuals: Record<string, number> = { s01: 0.1, s02: -0.115, s03: -0.01, s04: 0.005, s05: 0.065, s06: -0.09, s07: -0.015, s08: 0.06 };
    for (const [code, r] of Object.entries(residuals)) {
      expect(by(code).residual).toBeCloseTo(r, 12);
      expect(by(code).expected).toBeCloseTo(0.245 - 0.001 * (by(code).outcome.isbsh as number), 12);
    }
    expect(['s01', 's02', 's03', 's04', 's05', 's06', 's07', 's08'].filter((c) => by(c).belowExpected)).toEqual(['s01']);
    // No ИСБШ or no p: no residual, never «ниже ожидаемых».
    for (const code of ['s09', 's10', 's11']) expect(by(code)).toMatchObject({ expected: null, residual: null, belowExpected: false });
  });

  it('takes the quartile over every school with p (with or without ИСБШ); resilient = ШНСУ at or below it', () => {
    const { a, c, by } = context();
    expect(a.cutoff).toBe(75);
    expect(c.quartile).toBeCloseTo(0.0875, 15);
    expect(c.withShare).toBe(10);
    expect(c.schools.filter((s) => s.resilient).map((s) => s.outcome.school.code)).toEqual(['s02']);
    expect(by('s01').resilient).toBe(false); // ШНСУ, but p = 0,28
  });

  it('leaders are not ШНОР, have status ok and p at or below the quartile', () => {
    const { c } = context();
    expect(c.schools.filter((s) => s.leader).map((s) => s.outcome.school.code)).toEqual(['s02', 's06', 's09']);
  });

  it('pairs ШНОР in ascending ИСБШ with the closest leader that has capacity; without ИСБШ no pair (journal)', () => {
    const { a, c, by } = context();
    expect(c.pairs.map((p) => [p.shnor.outcome.school.code, p.leader.outcome.school.code])).toEqual([
      ['s01', 's02'],
      ['s05', 's06'],
      ['s08', 's06'],
    ]);
    expect(c.pairs[0].sameLocality).toBe(true);
    expect(by('s06').partners.map((o) => o.school.code)).toEqual(['s05', 's08']);
    expect(by('s11')).toMatchObject({ partner: null, unpaired: 'no-isbsh' });
    expect(c.unpaired.map((s) => s.outcome.school.code)).toEqual(['s11']);
    const messages = a.journal.filter((e) => e.sheet === 'Контекст').map((e) => e.message);
    expect(messages).toEqual(expect.arrayContaining([`ШНОР без ИСБШ не получают пару для сетевой поддержки (1): ${nameOf('s11')}.`]));
    expect(messages.some((m) => m.startsWith('Школы-лидеры без ИСБШ не участвуют') && m.includes(nameOf('s09')))).toBe(true);
    // s10 has no results in Y: said once, in the results sheet's name.
    expect(a.journal.some((e) => e.sheet === 'Результаты ОП' && e.message.includes(`Нет результатов процедур ШНОР за ${Y}`) && e.message.includes(nameOf('s10')))).toBe(true);
  });

  it('a leader with its capacity exhausted is skipped: with one ШНОР per leader s08 gets none (journal)', () => {
    const { a, c, by } = context(workbook(HAND, [['Школ на одного лидера', 1]]));
    expect(c.capacity).toBe(1);
    expect(c.pairs.map((p) => [p.shnor.outcome.school.code, p.leader.outcome.school.code])).toEqual([
      ['s01', 's02'],
      ['s05', 's06'],
    ]);
    expect(by('s08')).toMatchObject({ partner: null, unpaired: 'no-leader' });
    const message = a.journal.find((e) => e.message.startsWith('ШНОР без пары для сетевой поддержки'));
    expect(message?.message).toBe(`ШНОР без пары для сетевой поддержки (1): все школы-лидеры (2) уже в парах с 1 ШНОР каждая — ${nameOf('s08')}.`);
    expect(message?.level).toBe('warning');
  });

  it('the deviation setting moves the «ниже ожидаемых» line', () => {
    const { by } = context(workbook(HAND, [['Отклонение от ожидаемого, п.п.', '6']]));
    expect(['s01', 's05', 's08'].map((c) => by(c).belowExpected)).toEqual([true, true, true]);
    expect(by('s04').belowExpected).toBe(false);
  });

  it('is computed once per analysis and its journal entries are added once', () => {
    const a = analyze(workbook(HAND));
    const before = a.journal.length;
    const first = contextOf(a);
    const after = a.journal.length;
    expect(after).toBeGreaterThan(before);
    expect(contextOf(a)).toBe(first);
    expect(a.journal.length).toBe(after);
  });
});

describe('pooled share: what counts', () => {
  it('a percentage-only row gives F = share·P; switched-off procedures, re-takes and ΣP below the minimum do not count', () => {
    const input = workbook([
      { code: 'p1', isbsh: 80, rows: [[40, null, 25], [60, 12]] },
      { code: 'p2', isbsh: 80, rows: [[6, 1], [3, 1]] },
    ]);
    // A re-take and a switched-off КДР for p1 in Y: neither counts.
    input.tables['Результаты ОП'].push([Y, 'p1', nameOf('p1'), 'ОГЭ математика', 100, 100, '', '', '', 'пересдача']);
    input.tables['Результаты ОП'].push([Y, 'p1', nameOf('p1'), 'КДР читательская грамотность 4 кл.', 100, 90, '', '', '', '']);
    // A percentage without participants cannot be weighted.
    input.tables['Результаты ОП'].push([Y, 'p1', nameOf('p1'), 'ЕГЭ русский язык', '', '', '50', '', '', '']);
    const { a, by } = context(input);
    expect(by('p1').pooled).toMatchObject({ participants: 100, failed: 22, rows: 2, unweighted: 1 });
    expect(by('p1').share).toBeCloseTo(0.22, 15);
    expect(by('p2').share).toBeNull();
    expect(by('p2').pooled).toMatchObject({ participants: 9, missing: 'small-sample' });
    const small = a.journal.find((e) => e.message.startsWith(`Доля не справившихся в ${Y} не рассчитана`));
    expect(small?.message).toContain(`${nameOf('p2')} (участников 9)`);
    expect(a.journal.some((e) => e.message.startsWith(`Строк за ${Y} с процентом не справившихся без числа участников: 1.`))).toBe(true);
  });
});

describe('when the model cannot be computed, nothing is invented', () => {
  it('fewer than 8 schools with both values: no line, no residuals; the journal says why; quartile, leaders and pairs still come from p', () => {
    const input = workbook(HAND.filter((s) => !['s07', 's08'].includes(s.code)));
    const { a, c, by } = context(input);
    expect(c.model).toBeNull();
    expect(c.problem).toBe('ИСБШ и доля не справившихся есть только у 6 школ, а нужно не менее 8');
    expect(c.schools.every((s) => s.expected === null && s.residual === null && !s.belowExpected)).toBe(true);
    expect(a.journal).toContainEqual(expect.objectContaining({ level: 'warning', sheet: 'Контекст', message: `Модель ожидаемых результатов (лист «Контекст») не рассчитана: ${c.problem}.` }));
    expect(c.quartile).not.toBeNull();
    expect(by('s01').partner?.school.code).toBe('s02');
    const report = buildReport(input, 'сейчас');
    expect(report.json.context).toBeNull();
    const sheet = report.sheets.find((s) => s.name === 'Контекст')!;
    const text = sheet.values.map((r) => r.join(' ')).join('\n');
    expect(text).toContain(`Модель не рассчитана: ${c.problem}.`);
    expect(text).not.toContain('=INTERCEPT');
  });

  it('all ИСБШ equal: not computed', () => {
    const schools = Array.from({ length: 9 }, (_, i) => ({ code: `e${i + 1}`, isbsh: 80, rows: [[100, 5 + i]] as [number, number][] }));
    const { c } = context(workbook(schools));
    expect(c.model).toBeNull();
    expect(c.problem).toBe('у всех 9 школ с долей не справившихся одинаковый ИСБШ — по нему нельзя различить ожидаемые результаты');
  });

  it('no results at all: no context, and the JSON says null', () => {
    const input = workbook(HAND);
    delete input.tables['Результаты ОП'];
    input.sheetNames = input.sheetNames.filter((n) => n !== 'Результаты ОП');
    const report = buildReport(input, 'сейчас');
    expect(report.json.context).toBeNull();
    expect(report.json.schools.every((s) => s.pooledFailedShare === null && s.partner === null && !s.leader)).toBe(true);
  });
});

describe('JSON per DESIGN §3.3', () => {
  it('has the per-school fields and the top-level context', () => {
    const report = buildReport(workbook(HAND), 'сейчас');
    const j = report.json;
    expect(j.context).toEqual({ a: expect.any(Number), b: expect.any(Number), n: 8, r2: expect.any(Number) });
    expect(j.context!.a).toBeCloseTo(0.245, 12);
    const s01 = j.schools.find((s) => s.code === 's01')!;
    expect(s01).toMatchObject({ belowExpected: true, resilient: false, leader: false, partner: 's02' });
    expect(s01.pooledFailedShare).toBeCloseTo(0.28, 15);
    expect(s01.expectedFailedShare).toBeCloseTo(0.18, 12);
    expect(s01.residual).toBeCloseTo(0.1, 12);
    expect(j.schools.find((s) => s.code === 's02')).toMatchObject({ resilient: true, leader: true, partner: null });
    expect(j.schools.find((s) => s.code === 's10')).toMatchObject({ pooledFailedShare: null, expectedFailedShare: null, residual: null });
    expect(j.settings).toMatchObject({ contextDeviation: 10, leaderCapacity: 2 });
  });
});
