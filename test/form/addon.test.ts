/**
 * The questionnaire form end to end in the built bundle (dist/Code.js in a vm): a coordinator
 * creates the form from the registry, schools answer through the in-memory Google Form, and
 * «Рассчитать» reads those answers; the registry renames a school and the form follows it;
 * «Кто не ответил» lists the schools without a valid answer with links that choose the school.
 */
import { FORMS_SCOPE } from '../../src/addon/auth';
import type { FormActionResult, MailingResult } from '../../src/addon/form';
import { AUTHORIZATION_REQUIRED_MESSAGE } from '../support/fakeServices';
import { FormRejected, NO_ITEM_MESSAGE, permissionMessage } from '../support/fakeFormApp';
import { Q, REGISTRY, answersFor, choiceOf, countsFor, expectedIsbsh, formCalls, formSheets, registrySchools, startAddon, tableByCode, yearChoicesToday } from './formEnv';

const SETTINGS = 'Настройки';
const at = (day: number, hour = 10) => new Date(Date.UTC(2026, 10, day, hour, 0, 0));

function settingValue(env: ReturnType<typeof startAddon>['env'], label: string): unknown {
  const row = env.dumpSheet(SETTINGS).values.find((r) => r[0] === label);
  return row ? row[1] : undefined;
}

function journalFor(env: ReturnType<typeof startAddon>['env'], sheet: string): unknown[][] {
  return env.dumpSheet('Журнал проверки').values.filter((r) => r[1] === sheet);
}

describe('«Создать анкету для школ» in the built add-on', () => {
  it('builds the form from the registry: items, validations, choices, destination, settings', () => {
    const { env, addon } = startAddon();
    const schools = registrySchools(env);
    const r = addon.call<FormActionResult>('createQuestionnaireForm');
    expect(r.outcome).toBe('created');
    expect(env.forms.all()).toHaveLength(1);
    const form = env.forms.dump(env.forms.all()[0].id);
    const [current, previous] = yearChoicesToday();
    expect(form.title).toBe(`Анкета школы для расчёта ИСБШ — Северный район, ${current} учебный год`);
    expect(form.published).toBe(true);
    expect(form.items.map((i) => [i.title, i.type, i.required])).toEqual([
      [Q.school, 'LIST', true],
      [Q.year, 'LIST', true],
      [Q.total, 'TEXT', true],
      [Q.higher, 'TEXT', true],
      [Q.single, 'TEXT', true],
      [Q.register, 'TEXT', true],
      [Q.email, 'TEXT', false],
      [Q.comment, 'PARAGRAPH_TEXT', false],
    ]);
    const item = (title: string) => form.items.find((i) => i.title === title) as (typeof form.items)[number];
    expect(item(Q.school).choices).toEqual(schools.map(choiceOf).sort((a, b) => a.localeCompare(b, 'ru')));
    expect(item(Q.year).choices).toEqual([current, previous]);
    expect(item(Q.total).validation).toEqual({ rule: 'pattern', pattern: '^\\s*0*[1-9][0-9]*\\s*$', helpText: expect.stringContaining('больше нуля') });
    for (const t of [Q.higher, Q.single, Q.register]) expect(item(t).validation).toEqual({ rule: 'pattern', pattern: '^\\s*[0-9]+\\s*$', helpText: expect.stringContaining('не меньше нуля') });
    expect(item(Q.email).validation?.rule).toBe('email');
    // The methodology's definitions as help text.
    expect(item(Q.higher).helpText).toContain('оба родителя имеют высшее образование');
    expect(item(Q.single).helpText).toContain('неполных семей');
    expect(item(Q.register).helpText).toContain('один раз');

    // Linked to this spreadsheet: a response sheet first, with the header Forms writes.
    expect(form.destinationSheet).toBe('Ответы на форму (1)');
    expect(env.workbook.sheetNames()[0]).toBe('Ответы на форму (1)');
    expect(env.dumpSheet('Ответы на форму (1)').values[0]).toEqual(['Отметка времени', ...form.items.map((i) => i.title)]);
    expect(env.spreadsheet.getSheetByName('Ответы на форму (1)')?.getFormUrl()).toContain(form.id);
    expect(r.sheet).toBe('Ответы на форму (1)');
    expect(r.respondUrl).toMatch(/^https:\/\/docs\.google\.com\/forms\/d\/e\/.+\/viewform$/);

    // The form's id and the response sheet go into «Настройки» (created, as it did not exist).
    expect(settingValue(env, 'Форма анкеты')).toBe(form.id);
    expect(settingValue(env, 'Лист анкеты')).toBe('Ответы на форму (1)');
  });

  it('schools answer through the form and «Рассчитать» reads them: correct ИСБШ, no name or number remarks', () => {
    const { env, addon } = startAddon();
    addon.call('createQuestionnaireForm');
    const formId = env.forms.all()[0].id;
    const schools = registrySchools(env);
    const [year] = yearChoicesToday();
    // A count typed as words or a negative number never gets past the form.
    expect(() => env.forms.respond(formId, { ...answersFor(schools[0], year, countsFor(0)), [Q.total]: 'около 30' }, at(1))).toThrow(FormRejected);
    expect(() => env.forms.respond(formId, { ...answersFor(schools[0], year, countsFor(0)), [Q.register]: '-2' }, at(1))).toThrow(FormRejected);
    expect(() => env.forms.respond(formId, { ...answersFor(schools[0], year, countsFor(0)), [Q.school]: 'Школа Ивановка' }, at(1))).toThrow(FormRejected);
    expect(env.dumpSheet('Ответы на форму (1)').values).toHaveLength(1);

    schools.forEach((s, i) => env.forms.respond(formId, { ...answersFor(s, year, countsFor(i)), [Q.email]: `head${i}@example.ru` }, at(2, 8 + (i % 10))));
    // A school corrects itself: the later answer counts.
    env.forms.respond(formId, answersFor(schools[2], year, { N: 500, H: 50, S: 25, R: 5 }), at(3));
    const sheet = env.dumpSheet('Ответы на форму (1)');
    expect(sheet.values).toHaveLength(schools.length + 2);
    expect(sheet.values[1][0]).toBeInstanceOf(Date);
    expect(sheet.values[1][1]).toBe(choiceOf(schools[0]));
    expect(sheet.values[1][3]).toBe(countsFor(0).N); // Sheets turns the typed digits into a number

    addon.call('menuCalculate');
    const isbsh = tableByCode(env, 'ИСБШ');
    const col = isbsh.header.indexOf('ИСБШ');
    schools.forEach((s, i) => {
      const want = i === 2 ? expectedIsbsh({ N: 500, H: 50, S: 25, R: 5 }) : expectedIsbsh(countsFor(i));
      expect(isbsh.rows.get(s.code)?.[col]).toBeCloseTo(want, 10);
    });
    const remarks = journalFor(env, 'Ответы на форму (1)').filter((r) => r[0] !== 'Информация');
    expect(remarks).toEqual([]);
  });

  it('asks for the forms scope on first use only; the calculation works without it', () => {
    const { env, addon } = startAddon(formSheets(), false);
    addon.call('menuCalculate');
    expect(env.auth.prompts).toEqual([]);
    expect(() => addon.call('createQuestionnaireForm')).toThrow(AUTHORIZATION_REQUIRED_MESSAGE);
    expect(env.auth.prompts).toEqual([[FORMS_SCOPE]]);
    expect(env.forms.all()).toHaveLength(0);
    // From the menu the consent request reaches Apps Script (which shows Google's screen), not an alert.
    const alerts = env.ui.alerts.length;
    expect(() => addon.call('menuCreateForm')).toThrow(AUTHORIZATION_REQUIRED_MESSAGE);
    expect(env.ui.alerts).toHaveLength(alerts);
    env.auth.grant(FORMS_SCOPE);
    expect(addon.call<FormActionResult>('createQuestionnaireForm').outcome).toBe('created');
    expect(env.auth.prompts).toHaveLength(2);
  });

  it('FormApp itself refuses a caller that skipped the consent', () => {
    const { env } = startAddon(formSheets(), false);
    expect(() => env.globals.FormApp.create('x')).toThrow(permissionMessage('create'));
  });

  it('without a registry it says one is needed and offers «Создать структуру листов»', () => {
    const { env, addon } = startAddon([{ name: 'Лист1', rows: [] }]);
    const r = addon.call<FormActionResult>('createQuestionnaireForm');
    expect(r.outcome).toBe('no-registry');
    expect(r.message).toContain('Справочник ОО');
    expect(env.forms.all()).toHaveLength(0);
    expect(env.auth.prompts).toEqual([]);
    env.ui.answerAlertsWith('YES');
    addon.call('menuCreateForm');
    expect(env.ui.alerts[0].buttons).toBe('YES_NO');
    expect(env.ui.alerts[0].prompt).toContain('Создать структуру листов');
    expect(env.workbook.sheetNames()).toEqual(expect.arrayContaining([REGISTRY, 'Результаты ОП', SETTINGS]));
    expect(env.dumpSheet(REGISTRY).values[0]).toContain('Эл. почта');
  });

  it('a second «Создать» finds the form made before instead of making another', () => {
    const { env, addon } = startAddon();
    addon.call('createQuestionnaireForm');
    const again = addon.call<FormActionResult>('createQuestionnaireForm');
    expect(again.outcome).toBe('exists');
    expect(again.message).toContain('Обновить список школ в анкете');
    expect(env.forms.all()).toHaveLength(1);
    // The form was deleted from Drive: a new one is made and the old id is mentioned.
    env.forms.trash(env.forms.all()[0].id);
    const fresh = addon.call<FormActionResult>('createQuestionnaireForm');
    expect(fresh.outcome).toBe('created');
    expect(fresh.remarks.join(' ')).toContain('не открывается');
    expect(settingValue(env, 'Форма анкеты')).toBe(env.forms.all()[1].id);
    expect(settingValue(env, 'Лист анкеты')).toBe('Ответы на форму (2)');
    expect(fresh.remarks.join(' ')).toContain('Прежний лист ответов «Ответы на форму (1)» не изменён');
  });

  it('edits only the two cells of an existing «Настройки» and keeps every other value typed there', () => {
    const sheets = formSheets();
    sheets.push({ name: SETTINGS, rows: [['Параметр', 'Значение', 'Пояснение'], ['Порог низкого результата, %', 25, 'мой порог'], ['Лист анкеты', '', '']] });
    const { env, addon } = startAddon(sheets);
    addon.call('createQuestionnaireForm');
    const values = env.dumpSheet(SETTINGS).values;
    expect(values[1]).toEqual(['Порог низкого результата, %', 25, 'мой порог']);
    expect(values[2]).toEqual(['Лист анкеты', 'Ответы на форму (1)', '']);
    expect(values[3]).toEqual(['Форма анкеты', env.forms.all()[0].id, expect.stringContaining('Создать анкету для школ')]);
  });

  it('service calls do not depend on the number of schools (Choice.getValue, a getter on the choices read in one call, aside)', () => {
    const sheets = formSheets();
    const registry = sheets.find((s) => s.name === REGISTRY) as { rows: unknown[][] };
    for (let i = 0; i < 300; i++) registry.rows.push([`x${1000 + i}`, `МКОУ «Школа № ${100 + i}»`, '', 'Северный район', 'село', '']);
    const runs = [startAddon(), startAddon(sheets)].map(({ env, addon }) => {
      const counts: Record<string, number>[] = [];
      for (const command of ['createQuestionnaireForm', 'refreshQuestionnaireForm', 'formMailing']) {
        env.calls.reset();
        addon.call(command);
        const { 'Choice.getValue': _getters, ...rest } = formCalls(env);
        counts.push({ ...rest, 'Range.getValues': env.calls.count('Range.getValues'), 'Range.setValues': env.calls.count('Range.setValues') });
      }
      return counts;
    });
    expect(runs[1]).toEqual(runs[0]);
  });
});

describe('«Обновить список школ в анкете»', () => {
  it('follows the registry; a renamed school keeps its answers, matched by code', () => {
    const { env, addon } = startAddon();
    addon.call('createQuestionnaireForm');
    const formId = env.forms.all()[0].id;
    const schools = registrySchools(env);
    const [year] = yearChoicesToday();
    schools.forEach((s, i) => env.forms.respond(formId, answersFor(s, year, countsFor(i)), at(2, 8 + (i % 10))));
    const answersBefore = env.dumpSheet('Ответы на форму (1)').values;

    const unchanged = addon.call<FormActionResult>('refreshQuestionnaireForm');
    expect(unchanged.message).toContain('Ничего не изменено');

    // The registry renames school 4 and gains a new school.
    const registry = env.spreadsheet.getSheetByName(REGISTRY) as GoogleAppsScript.Spreadsheet.Sheet;
    registry.getRange(5, 2).setValue('МАОУ «Гимназия № 4 имени А. С. Пушкина»');
    registry.getRange(registry.getLastRow() + 1, 1, 1, 2).setValues([['sch240199', 'МКОУ «Новая СОШ»']]);
    const r = addon.call<FormActionResult>('refreshQuestionnaireForm');
    expect(r.outcome).toBe('refreshed');
    expect(r.message).toContain('добавлено 1, убрано 0, переименовано 1');
    const choices = env.forms.dump(formId).items[0].choices;
    expect(choices).toContain('МАОУ «Гимназия № 4 имени А. С. Пушкина» (код sch240104)');
    expect(choices).toContain('МКОУ «Новая СОШ» (код sch240199)');
    expect(choices).not.toContain(choiceOf(schools[3]));
    expect(env.dumpSheet('Ответы на форму (1)').values).toEqual(answersBefore);

    addon.call('menuCalculate');
    const isbsh = tableByCode(env, 'ИСБШ');
    const renamed = isbsh.rows.get('sch240104') as unknown[];
    expect(renamed[isbsh.header.indexOf('Наименование ОО')]).toBe('МАОУ «Гимназия № 4 имени А. С. Пушкина»');
    expect(renamed[isbsh.header.indexOf('ИСБШ')]).toBeCloseTo(expectedIsbsh(countsFor(3)), 10);
    expect(journalFor(env, 'Ответы на форму (1)').filter((row) => row[0] === 'Ошибка')).toEqual([]);
  });

  it('notices a response sheet the coordinator renamed and points «Лист анкеты» at it', () => {
    const { env, addon } = startAddon();
    addon.call('createQuestionnaireForm');
    env.spreadsheet.getSheetByName('Ответы на форму (1)')?.setName('Анкета школ 2026');
    const r = addon.call<FormActionResult>('refreshQuestionnaireForm');
    expect(r.remarks.join(' ')).toContain('Анкета школ 2026');
    expect(settingValue(env, 'Лист анкеты')).toBe('Анкета школ 2026');
  });

  it('says so when no form was created or the form cannot be opened', () => {
    const { env, addon } = startAddon();
    expect(addon.call<FormActionResult>('refreshQuestionnaireForm').outcome).toBe('no-form');
    addon.call('createQuestionnaireForm');
    env.forms.trash(env.forms.all()[0].id);
    expect(() => addon.call('refreshQuestionnaireForm')).toThrow(NO_ITEM_MESSAGE);
    addon.call('menuRefreshForm');
    expect(env.ui.alerts.at(-1)?.prompt).toContain('не открывается');
  });
});

describe('«Кто не ответил» and «Рассылка анкеты»', () => {
  function answeredByMost() {
    const started = startAddon();
    const { env, addon } = started;
    addon.call('createQuestionnaireForm');
    const formId = env.forms.all()[0].id;
    const schools = registrySchools(env);
    const [year] = yearChoicesToday();
    // Schools 0–14 answer; 5 sends H greater than N (the form cannot see that, the calculation can).
    schools.slice(0, 15).forEach((s, i) => env.forms.respond(formId, answersFor(s, year, i === 5 ? { N: 100, H: 150, S: 1, R: 1 } : countsFor(i)), at(2, 8 + (i % 10))));
    return { ...started, formId, schools, year };
  }

  it('lists every school with its status, e-mail and a link that opens the form with the school chosen', () => {
    const { env, addon, schools, year } = answeredByMost();
    const r = addon.call<MailingResult>('formMailing');
    expect(r.counts).toEqual({ accepted: 14, invalid: 1, missing: schools.length - 15 });
    expect(r.sheet).toBe('Рассылка анкеты');
    expect(r.year).toBe(year);
    expect(r.pending.map((p) => p.code)).toEqual([...schools.slice(15).map((s) => s.code), schools[5].code]);

    const sheet = tableByCode(env, 'Рассылка анкеты');
    const h = (name: string) => sheet.header.indexOf(name);
    expect(sheet.header).toEqual(['Код ОО', 'Наименование ОО', 'Статус ответа', 'Что не так', 'Эл. почта', 'Ссылка для школы', 'Строка ответа']);
    expect(sheet.rows.size).toBe(schools.length);
    schools.forEach((s, i) => {
      const row = sheet.rows.get(s.code) as unknown[];
      const status = i === 5 ? 'ответ с ошибками' : i < 15 ? 'ответ принят' : 'нет ответа';
      expect(row[h('Статус ответа')]).toBe(status);
      const link = String(row[h('Ссылка для школы')]);
      const opened = env.forms.openLink(link);
      expect(opened.prefilled).toEqual({ [Q.school]: choiceOf(s), [Q.year]: year });
    });
    expect(sheet.rows.get(schools[5].code)?.[h('Что не так')]).toContain('больше, чем всего обучающихся');
    expect(sheet.rows.get(schools[5].code)?.[h('Строка ответа')]).toBe(7);
    expect(sheet.rows.get(schools[0].code)?.[h('Эл. почта')]).toBe('school1@edu.example.ru');
    expect(sheet.rows.get(schools[3].code)?.[h('Эл. почта')]).toBe('');
    expect(String(env.dumpSheet('Рассылка анкеты').values[0][0])).toMatch(/^Лист сформирован надстройкой/);

    // «Скопировать список»: exactly the schools without a valid answer, each with its link.
    for (const p of r.pending) {
      expect(r.letter).toContain(p.name);
      expect(r.letter).toContain(p.link);
    }
    for (const s of schools.slice(0, 15)) if (s !== schools[5]) expect(r.letter).not.toContain(`(код ${s.code})`);
    expect(r.letter).toContain('что исправить');
  });

  it('a school that follows its link and answers is «ответ принят» next time', () => {
    const { env, addon, schools } = answeredByMost();
    const first = addon.call<MailingResult>('formMailing');
    const late = first.pending.find((p) => p.code === schools[20].code);
    env.forms.respondViaLink(late?.link as string, { [Q.total]: '300', [Q.higher]: '30', [Q.single]: '30', [Q.register]: '3' }, at(5));
    const fix = first.pending.find((p) => p.code === schools[5].code);
    env.forms.respondViaLink(fix?.link as string, { [Q.total]: '150', [Q.higher]: '50', [Q.single]: '10', [Q.register]: '2' }, at(6));
    const second = addon.call<MailingResult>('formMailing');
    expect(second.counts).toEqual({ accepted: 16, invalid: 0, missing: schools.length - 16 });
    addon.call('menuCalculate');
    const isbsh = tableByCode(env, 'ИСБШ');
    expect(isbsh.rows.get(schools[20].code)?.[isbsh.header.indexOf('ИСБШ')]).toBeCloseTo(expectedIsbsh({ N: 300, H: 30, S: 30, R: 3 }), 10);
  });

  it('never touches a sheet «Рассылка анкеты» the coordinator made, and rewrites its own', () => {
    const sheets = formSheets();
    sheets.push({ name: 'Рассылка анкеты', rows: [['мой список'], ['школа 1']] });
    const { env, addon } = startAddon(sheets);
    addon.call('createQuestionnaireForm');
    const r = addon.call<MailingResult>('formMailing');
    expect(r.sheet).toBe('Рассылка анкеты (расчёт)');
    expect(env.dumpSheet('Рассылка анкеты').values).toEqual([['мой список'], ['школа 1']]);
    expect(r.remarks.join(' ')).toContain('создан пользователем');
    addon.call('formMailing');
    expect(env.workbook.sheetNames().filter((n) => n.startsWith('Рассылка анкеты'))).toEqual(['Рассылка анкеты', 'Рассылка анкеты (расчёт)']);
  });

  it('without a form it still gives the statuses, without links and without asking for the scope', () => {
    const { env, addon } = startAddon(formSheets(), false);
    const r = addon.call<MailingResult>('formMailing');
    expect(env.auth.prompts).toEqual([]);
    expect(r.counts.missing).toBe(registrySchools(env).length);
    expect(r.remarks.join(' ')).toContain('Анкета не создана');
    expect(r.pending.every((p) => p.link === '')).toBe(true);
  });

  it('a school added to the registry but not yet to the form gets no link and the reason', () => {
    const { env, addon } = answeredByMost();
    const registry = env.spreadsheet.getSheetByName(REGISTRY) as GoogleAppsScript.Spreadsheet.Sheet;
    registry.getRange(registry.getLastRow() + 1, 1, 1, 2).setValues([['sch240199', 'МКОУ «Новая СОШ»']]);
    const r = addon.call<MailingResult>('formMailing');
    const fresh = r.pending.find((p) => p.code === 'sch240199');
    expect(fresh?.link).toBe('');
    expect(fresh?.reason).toContain('Обновить список школ в анкете');
  });

  it('menu: opens the sheet and says the counts', () => {
    const { env, addon } = answeredByMost();
    addon.call('menuFormMailing');
    expect(env.workbook.activeSheetName()).toBe('Рассылка анкеты');
    expect(env.ui.alerts.at(-1)?.prompt).toContain('Нет ответа: 6, ответ с ошибками: 1, ответ принят: 14');
  });
});
