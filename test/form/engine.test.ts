import { matchHeaderRow } from '../../src/engine/headers';
import { Journal } from '../../src/engine/journal';
import { QUESTIONNAIRE_COLUMNS, readQuestionnaire } from '../../src/engine/isbsh/questionnaire';
import { SchoolRegistry } from '../../src/engine/schools/registry';
import { schoolChoice, schoolFromChoice } from '../../src/engine/schools/choice';
import {
  POSITIVE_NUMBER_PATTERN,
  WHOLE_NUMBER_PATTERN,
  formIdOfUrl,
  letterText,
  parseFormId,
  prefillTemplate,
  prefilledLink,
  questionOf,
  questionnaireFormSpec,
  schoolChoices,
  schoolYearChoices,
  schoolYearOf,
  settingsCells,
} from '../../src/engine/form';
import { defaultSettings, readSettings } from '../../src/engine/settings';

const schools = [
  { id: 'code:3', code: '003', name: 'МКОУ «Берёзовская СОШ»' },
  { id: 'code:1', code: '001', name: 'МБОУ «СОШ № 1»' },
  { id: 'code:2', code: '002', name: 'МАОУ «Гимназия № 2»' },
];

describe('the form as data', () => {
  it('the school year turns on 1 September; the form offers it and the one before', () => {
    expect(schoolYearOf({ year: 2026, month: 8 })).toBe('2025/2026');
    expect(schoolYearOf({ year: 2026, month: 9 })).toBe('2026/2027');
    expect(schoolYearOf({ year: 2027, month: 1 })).toBe('2026/2027');
    expect(schoolYearChoices({ year: 2027, month: 1 })).toEqual(['2026/2027', '2025/2026']);
  });

  it('lists the schools as «Наименование (код …)» in alphabetical order, each once', () => {
    const r = schoolChoices([...schools, { id: 'name:x', code: '', name: 'Школа без кода' }, { id: 'name:y', code: '', name: 'Школа без кода' }]);
    expect(r.choices).toEqual(['МАОУ «Гимназия № 2» (код 002)', 'МБОУ «СОШ № 1» (код 001)', 'МКОУ «Берёзовская СОШ» (код 003)', 'Школа без кода']);
    expect(r.duplicates).toEqual(['Школа без кода']);
    expect(r.withoutCode).toHaveLength(2);
  });

  it('titles the form with the municipality and the year, and says when either is missing', () => {
    const spec = questionnaireFormSpec({ schools, municipality: 'Северный район', today: { year: 2026, month: 12 } });
    expect(spec.title).toBe('Анкета школы для расчёта ИСБШ — Северный район, 2026/2027 учебный год');
    expect(spec.remarks).toEqual([]);
    expect(questionOf(spec, 'school').choices).toHaveLength(3);
    const bare = questionnaireFormSpec({ schools, municipality: null, today: { year: 2026, month: 12 } });
    expect(bare.title).toBe('Анкета школы для расчёта ИСБШ, 2026/2027 учебный год');
    expect(bare.remarks[0]).toContain('Муниципалитет');
  });

  it('one validation rule per count: digits only, and not zero for the total', () => {
    const whole = new RegExp(WHOLE_NUMBER_PATTERN);
    const positive = new RegExp(POSITIVE_NUMBER_PATTERN);
    for (const ok of ['0', '7', ' 12 ', '450']) expect(whole.test(ok)).toBe(true);
    for (const bad of ['-1', '1.5', '12,5', 'около 30', '30%', '', '1 200']) expect(whole.test(bad)).toBe(false);
    for (const ok of ['1', '007', '912']) expect(positive.test(ok)).toBe(true);
    for (const bad of ['0', '000', '-5', '1e3']) expect(positive.test(bad)).toBe(false);
  });
});

describe('the response sheet as the questionnaire reader sees it', () => {
  const spec = questionnaireFormSpec({ schools, municipality: 'Северный район', today: { year: 2026, month: 12 } });
  const header = ['Отметка времени', ...spec.questions.map((q) => q.title)];

  it('every question title is recognised as its column, and the optional ones as none', () => {
    const cols = matchHeaderRow(header, QUESTIONNAIRE_COLUMNS);
    expect(cols).toEqual({ timestamp: 0, name: 1, year: 2, total: 3, higher: 4, single: 5, register: 6 });
  });

  it('reads answers exactly as Forms writes them, with no remark, and matches a renamed school by its code', () => {
    const registry = new SchoolRegistry(true);
    registry.add({ code: '001', name: 'МБОУ «Лицей № 1»' }); // renamed since the answer
    registry.add({ code: '002', name: 'МАОУ «Гимназия № 2»' });
    const table = [
      header,
      [new Date(Date.UTC(2026, 10, 2, 8)), 'МБОУ «СОШ № 1» (код 001)', '2026/2027', 400, 40, 20, 4, 'a@b.ru', ''],
      [new Date(Date.UTC(2026, 10, 2, 9)), 'МАОУ «Гимназия № 2» (код 002)', '2026/2027', 500, 100, 50, 0, '', 'всё верно'],
    ];
    const journal = new Journal();
    const q = readQuestionnaire('Ответы на форму (1)', table, registry, journal, null);
    expect(journal.entries).toEqual([]);
    expect(q.year).toBe('2026/2027');
    expect(q.responses.get('code:1')?.shares).toEqual({ h: 0.1, s: 0.05, r: 0.01 });
    expect(q.responses.get('code:2')?.school.name).toBe('МАОУ «Гимназия № 2»');
  });

  it('a choice whose code the registry no longer has is matched by name, with a warning', () => {
    const registry = new SchoolRegistry(true);
    registry.add({ code: '101', name: 'МБОУ «СОШ № 1»' });
    const journal = new Journal();
    const q = readQuestionnaire('Ответы', [header, [new Date(), 'МБОУ «СОШ № 1» (код 001)', '2026/2027', 10, 1, 1, 1, '', '']], registry, journal, null);
    expect(q.responses.has('code:101')).toBe(true);
    expect(journal.entries.map((e) => e.level)).toEqual(['warning']);
  });
});

describe('school choice text', () => {
  it('splits «Наименование (код …)» only when the row has no code of its own', () => {
    expect(schoolChoice({ code: ' 007 ', name: 'МБОУ «СОШ № 7»' })).toBe('МБОУ «СОШ № 7» (код 007)');
    expect(schoolFromChoice('', 'МБОУ «СОШ № 7» (код 007)')).toEqual({ code: '007', name: 'МБОУ «СОШ № 7»' });
    expect(schoolFromChoice('', 'МБОУ «СОШ № 7» (Код sch-7 )')).toEqual({ code: 'sch-7', name: 'МБОУ «СОШ № 7»' });
    expect(schoolFromChoice('', 'МБОУ «СОШ № 7» (филиал)')).toEqual({ code: '', name: 'МБОУ «СОШ № 7» (филиал)' });
    expect(schoolFromChoice('009', 'МБОУ «СОШ № 7» (код 007)')).toEqual({ code: '009', name: 'МБОУ «СОШ № 7» (код 007)' });
    expect(schoolFromChoice('', 'Школа без кода')).toEqual({ code: '', name: 'Школа без кода' });
  });
});

describe('prefilled links', () => {
  const google = 'https://docs.google.com/forms/d/e/1FAIpQLSabc/viewform?usp=pp_url&entry.1786=%D0%9C%D0%91%D0%9E%D0%A3+%C2%AB%D0%A1%D0%9E%D0%A8+%E2%84%96+1%C2%BB+(%D0%BA%D0%BE%D0%B4+001)&entry.2931=2026/2027';

  it('finds the school and year parameters of Google’s link and builds any school’s from it', () => {
    const t = prefillTemplate(google, 'МБОУ «СОШ № 1» (код 001)', '2026/2027');
    expect(t).toEqual({ base: 'https://docs.google.com/forms/d/e/1FAIpQLSabc/viewform?usp=pp_url', schoolParam: 'entry.1786', yearParam: 'entry.2931' });
    const link = prefilledLink(t!, 'МКОУ «Озёрная ООШ» & Ко (код 011)', '2025/2026');
    const params = new URL(link).searchParams;
    expect(params.get('entry.1786')).toBe('МКОУ «Озёрная ООШ» & Ко (код 011)');
    expect(params.get('entry.2931')).toBe('2025/2026');
    expect(params.get('usp')).toBe('pp_url');
    expect(new URL(prefilledLink(t!, 'A (код 1)', null)).searchParams.has('entry.2931')).toBe(false);
  });

  it('gives no template when the link does not carry the school', () => {
    expect(prefillTemplate(google, 'Другая школа', null)).toBeNull();
    expect(prefillTemplate('https://docs.google.com/forms/d/e/x/viewform', 'A', null)).toBeNull();
  });
});

describe('«Форма анкеты» in «Настройки»', () => {
  it('takes an id or the editing link, refuses the respondents’ link', () => {
    const id = '1FAIpQ-abcdefghijklmnopqrstuvwxyz012345678';
    expect(parseFormId(id)).toEqual({ id });
    expect(parseFormId(`https://docs.google.com/forms/d/${id}/edit#responses`)).toEqual({ id });
    expect(parseFormId('')).toEqual({ id: '' });
    expect(parseFormId('https://docs.google.com/forms/d/e/1FAIpQLSe/viewform')).toEqual({ problem: expect.stringContaining('ссылка для заполнения') });
    expect(parseFormId('моя форма')).toEqual({ problem: expect.stringContaining('не похоже') });
    expect(formIdOfUrl(`https://docs.google.com/forms/d/${id}/viewform`)).toBe(id);
    expect(formIdOfUrl('https://docs.google.com/forms/d/e/1FAIpQLSe0000000000/viewform')).toBeNull();
    expect(formIdOfUrl(null)).toBeNull();
  });

  it('a bad value is a journal error and the setting stays empty', () => {
    const journal = new Journal();
    const s = readSettings([['Параметр', 'Значение'], ['Форма анкеты', 'https://forms.gle/abc']], journal).settings;
    expect(s.form).toBe('');
    expect(journal.entries[0].message).toContain('Форма анкеты');
  });

  it('writes only the «Значение» cells of its rows and appends the rows the sheet lacks', () => {
    const table = [['Параметр', 'Значение', 'Пояснение'], ['Порог низкого результата, %', 25, ''], ['лист анкеты', 'старый', 'x']];
    const changed = { ...defaultSettings(), form: 'FORM-ID-0123456789', questionnaireSheet: 'Ответы на форму (2)' };
    expect(settingsCells(table, changed, ['Форма анкеты', 'Лист анкеты'])).toEqual({
      kind: 'update',
      cells: [{ row: 3, value: 'Ответы на форму (2)' }],
      append: [['Форма анкеты', 'FORM-ID-0123456789', expect.stringContaining('Создать анкету для школ')]],
    });
    const created = settingsCells(null, changed, ['Форма анкеты']);
    expect(created.kind).toBe('create');
  });
});

describe('the letter', () => {
  it('says when every school has answered', () => {
    const text = letterText({ year: '2026/2027', form: { title: 'Анкета', url: 'u', schoolChoices: [], yearChoices: [], prefill: null }, questionnaireSheet: 'x', rows: [], counts: { accepted: 0, invalid: 0, missing: 0 }, letter: '' });
    expect(text).toBe('Анкета (ответы за 2026/2027 учебный год).\nВсе школы ответили, ответы приняты.');
  });
});
