/**
 * «Рассчитать» all-or-nothing (issue 9), through the built bundle in the vm: the in-memory
 * SpreadsheetApp fails the k-th call of every kind of write the run makes, for every k; then the
 * same with the execution stopped at that call (the 6-minute limit), followed by the next run.
 */
import { WRITE_TEXT } from '../../src/engine/strings';
import { TIME_LIMIT_ERROR } from '../support/faults';
import { GENERATED, INPUTS, Snapshot, Trials, USER_SHEETS, comparable, expectSame, lastAlert, pick, snapshot, transientSheets, withPreviousResults } from './safetyHarness';

const trials = new Trials(withPreviousResults());
const { env, addon } = trials;
const BEFORE = trials.before;

/** The run without faults: every write it makes, and what it leaves. */
addon.call('menuCalculate');
const POINTS = env.faults.writePoints();
const TRACE = env.faults.trace.slice();
const REFERENCE = snapshot(env);
const DRY_ALERT = lastAlert(env);
const UNTOUCHED = [...INPUTS, ...USER_SHEETS, 'Настройки'];

/** Index of a point within POINTS, to tell where in the run it is. */
const at = (call: string, n: number) => POINTS.findIndex(([c, k]) => c === call && k === n);
const FIRST_RENAME = at('Sheet.setName', 1);
const FIRST_REMOVAL = at('Spreadsheet.deleteSheet', 1);

/** Failures the run survives: the results are complete and the user is told what is missing. */
const SURVIVED = new Set(['Sheet.insertChart', 'Spreadsheet.deleteSheet', 'Sheet.activate']);

function withoutIndex(dumps: Record<string, { index: number }>): unknown {
  return Object.fromEntries(Object.entries(dumps).map(([name, d]) => [name, { ...d, index: undefined }]));
}

/** Sheets and their order, without what differs between equal runs (ids, the minute of the run). */
function sheetsOnly(s: Snapshot): unknown {
  const c = comparable(s) as { names: string[]; sheets: unknown };
  return { names: c.names, sheets: c.sheets };
}

beforeEach(() => trials.reset());

describe('the run without faults', () => {
  it('builds every sheet before it swaps any in, removes the old ones last, and flushes before it unlocks', () => {
    expect(REFERENCE.names).toEqual([...INPUTS, ...USER_SHEETS, 'Настройки', ...GENERATED]);
    expect(REFERENCE.active).toBe('Мои заметки');
    expect(DRY_ALERT).toContain(WRITE_TEXT.displaced('Сводка', 'Сводка (расчёт)'));
    expect(FIRST_RENAME).toBeGreaterThan(at('Range.setValues', GENERATED.length));
    expect(FIRST_REMOVAL).toBeGreaterThan(at('Sheet.setName', 2 * GENERATED.length));
    expect(TRACE.lastIndexOf('SpreadsheetApp.flush')).toBeLessThan(TRACE.lastIndexOf('Lock.releaseLock'));
    expect(TRACE.lastIndexOf('Lock.releaseLock')).toBeLessThan(TRACE.lastIndexOf('Ui.alert'));
    expect(POINTS.length).toBeGreaterThan(60);
  });
});

describe('a write fails midway: the previous results stay, and the user is told in Russian', () => {
  it.each(POINTS)('%s #%i', (call, n) => {
    env.faults.failOn(call, n);
    addon.call('menuCalculate');
    expect(env.faults.fired).toBe(`${call}#${n}`);
    expect(env.locks.events.at(-1)?.action).toBe('releaseLock');
    expect(env.faults.trace.lastIndexOf('SpreadsheetApp.flush')).toBeLessThan(env.faults.trace.lastIndexOf('Lock.releaseLock'));

    if (!SURVIVED.has(call)) {
      expect(lastAlert(env)).toMatch(/^Листы не записаны: Google Таблицы сообщили об ошибке \(«Service Spreadsheets failed/);
      expect(lastAlert(env)).toContain('Прежние результаты и ваши листы не изменены, временные листы удалены.');
      expectSame(snapshot(env), BEFORE);
      return;
    }
    // A chart, or past the point of no return: the new results are complete, the user hears what is missing.
    expect(env.ui.alerts.at(-1)?.title).toBe('Расчёт завершён');
    const after = snapshot(env);
    expectSame(pick(after, UNTOUCHED), pick(BEFORE, UNTOUCHED));
    if (call === 'Sheet.insertChart') {
      // The charts are drawn in sheet order: «Сводка», then «Контекст».
      const failed = ['Сводка (расчёт)', 'Контекст'][n - 1];
      expect(after.sheets[failed].charts).toEqual([]);
      expect(lastAlert(env)).toContain(WRITE_TEXT.chartFailed(failed));
    }
    if (call === 'Spreadsheet.deleteSheet') {
      expect(transientSheets(env)).toHaveLength(1);
      expect(lastAlert(env)).toContain('Не удалось удалить временные листы «[прежний] ');
    }
    // The next run puts everything right.
    addon.call('menuCalculate');
    expect(transientSheets(env)).toEqual([]);
    expectSame(sheetsOnly(snapshot(env)), sheetsOnly(REFERENCE));
  });
});

describe('the run is stopped midway (the 6-minute limit): nothing of the user is lost, the next run repairs', () => {
  it.each(POINTS)('%s #%i', (call, n) => {
    env.faults.stopAt(call, n);
    expect(() => addon.call('menuCalculate')).toThrow(TIME_LIMIT_ERROR);
    const stopped = snapshot(env);
    expectSame(pick(stopped, UNTOUCHED), pick(BEFORE, UNTOUCHED));
    const index = at(call, n);
    // Before the swap the drafts sit beside the previous sheets, which are as they were.
    if (index < FIRST_RENAME) expectSame(withoutIndex(pick(stopped, GENERATED)), withoutIndex(pick(BEFORE, GENERATED)));
    env.faults.reset();

    if (index >= FIRST_RENAME && index < FIRST_REMOVAL) {
      // Stopped while swapping: a next run that fails at once still finds the previous results whole.
      env.faults.failOn('Range.setValues', 1);
      addon.call('menuCalculate');
      expect(lastAlert(env)).toMatch(/^Листы не записаны/);
      const repaired = snapshot(env);
      expectSame({ names: repaired.names, sheets: repaired.sheets }, { names: BEFORE.names, sheets: BEFORE.sheets });
      env.faults.reset();
    }
    addon.call('menuCalculate');
    expect(transientSheets(env)).toEqual([]);
    expectSame(sheetsOnly(snapshot(env)), sheetsOnly(REFERENCE));
  });
});
