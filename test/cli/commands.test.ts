import ExcelJS from 'exceljs';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EXIT, runCli } from '../../src/cli/main';
import { IMPORT_USAGE } from '../../src/cli/importCommand';
import { FORM_SPEC_USAGE } from '../../src/cli/formSpec';
import { writeCsvFolderAsXlsx } from '../../src/cli/io';
import { CLI_HELP, HEADERS } from '../../src/engine/strings';
import { recordingIo } from '../support/cliHarness';

const root = path.resolve(__dirname, '../..');
const example = path.join(root, 'examples/municipality');

let dir: string;
let book: string;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shnor-commands-'));
  book = path.join(dir, 'example.xlsx');
  await writeCsvFolderAsXlsx(example, book);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function run(...args: string[]) {
  const c = recordingIo();
  const code = await runCli(args, c.io);
  return { code, out: c.out.join('\n'), err: c.err.join('\n') };
}

/** A fresh folder inside the test folder. */
function folder(name: string): string {
  const d = path.join(dir, name);
  fs.rmSync(d, { recursive: true, force: true });
  fs.mkdirSync(d, { recursive: true });
  return d;
}

/** What a user must never see: node's English, raw system codes, stack frames. */
const RAW = /Unknown option|argument missing|Unexpected argument|To specify a positional|EACCES|ENOENT|EPERM|permission denied|^\s+at .+:\d+:\d+\)?$/m;

function fingerprint(file: string): string {
  const s = fs.statSync(file);
  return `${fs.readFileSync(file).toString('base64')}|${s.mtimeMs}|${s.ino}`;
}

function tempLeftovers(d: string): string[] {
  return fs.readdirSync(d).filter((f) => /^\..*\.(tmp|old)$/.test(f));
}

async function sheetNames(file: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb.worksheets.map((w) => w.name);
}

describe('issue 9 item 3: the output file is never the input unless --in-place', () => {
  it.each([['same path', (b: string) => b], ['./', (b: string) => `./${path.basename(b)}`], ['..', (b: string) => path.join(path.dirname(b), 'x', '..', path.basename(b))], ['symlink', 'link'], ['hard link', 'hard']] as const)(
    '-o naming the input (%s): exit 2, a Russian message, nothing written',
    async (_, spelling) => {
      const d = folder(`same-${String(_).replace(/\W/g, '')}`);
      const input = path.join(d, 'book.xlsx');
      fs.copyFileSync(book, input);
      let output: string;
      if (spelling === 'link') fs.symlinkSync('book.xlsx', (output = path.join(d, 'link.xlsx')));
      else if (spelling === 'hard') fs.linkSync(input, (output = path.join(d, 'hard.xlsx')));
      else output = spelling(input);
      const before = fingerprint(input);
      const cwd = process.cwd();
      process.chdir(d);
      const r = await run('analyze', input, '-o', output, '--json', path.join(d, 'r.json')).finally(() => process.chdir(cwd));
      expect(r.code).toBe(EXIT.usage);
      expect(r.err).toContain('это исходная книга: запись заменила бы ваши данные. Укажите другой файл в -o или добавьте --in-place (тогда сначала будет сохранена копия «book.bak.xlsx»)');
      expect(r.err).not.toMatch(RAW);
      expect(fingerprint(input)).toBe(before);
      expect(fs.readdirSync(d).sort()).toEqual(['book.xlsx', ...(spelling === 'link' ? ['link.xlsx'] : spelling === 'hard' ? ['hard.xlsx'] : [])].sort());
    },
  );

  it('--in-place keeps a backup first; a second run never replaces that backup (book.bak-2.xlsx)', async () => {
    const d = folder('in-place');
    const input = path.join(d, 'book.xlsx');
    fs.copyFileSync(book, input);
    const original = fs.readFileSync(input);
    const first = await run('analyze', input, '--in-place');
    expect(first.code).toBe(EXIT.ok);
    expect(first.out).toContain(`Резервная копия исходной книги: ${path.join(d, 'book.bak.xlsx')}`);
    expect(fs.readFileSync(path.join(d, 'book.bak.xlsx')).equals(original)).toBe(true);
    expect(await sheetNames(input)).toEqual(expect.arrayContaining(['Справочник ОО', 'ИСБШ', 'Журнал проверки']));
    const afterFirst = fs.readFileSync(input);

    const second = await run('analyze', input, '-o', input, '--in-place');
    expect(second.code).toBe(EXIT.ok);
    expect(second.out).toContain(`Резервная копия исходной книги: ${path.join(d, 'book.bak-2.xlsx')}`);
    expect(fs.readFileSync(path.join(d, 'book.bak.xlsx')).equals(original)).toBe(true);
    expect(fs.readFileSync(path.join(d, 'book.bak-2.xlsx')).equals(afterFirst)).toBe(true);
    expect(fs.readdirSync(d).sort()).toEqual(['book-context.svg', 'book-isbsh.svg', 'book.bak-2.xlsx', 'book.bak.xlsx', 'book.xlsx']);
  });

  it('--in-place is refused for a CSV folder and beside an -o naming another file; --json over the workbook is refused', async () => {
    const d = folder('in-place-refused');
    const a = await run('analyze', example, '--in-place');
    expect(a.code).toBe(EXIT.usage);
    expect(a.err).toContain('--in-place: исходные данные — папка с CSV');
    const b = await run('analyze', book, '--in-place', '-o', path.join(d, 'other.xlsx'));
    expect(b.code).toBe(EXIT.usage);
    expect(b.err).toContain('оставьте один из параметров');
    const c = await run('analyze', example, '-o', path.join(d, 'r.xlsx'), '--json', path.join(d, 'r.xlsx'));
    expect(c.code).toBe(EXIT.usage);
    expect(c.err).toContain('записываются в один и тот же файл');
    const e = await run('analyze', example, '-o', path.join(d, 'r.csv'));
    expect(e.code).toBe(EXIT.usage);
    expect(e.err).toContain('должна быть файлом .xlsx');
    expect(fs.readdirSync(d)).toEqual([]);
  });

  it('a successful run leaves no temporary files, and the outputs replace the previous ones', async () => {
    const d = folder('atomic');
    fs.writeFileSync(path.join(d, 'r.json'), 'прежний результат');
    const r = await run('analyze', example, '-o', path.join(d, 'r.xlsx'), '--json', path.join(d, 'r.json'));
    expect(r.code).toBe(EXIT.ok);
    expect(fs.readdirSync(d).sort()).toEqual(['r-context.svg', 'r-isbsh.svg', 'r.json', 'r.xlsx']);
    expect(JSON.parse(fs.readFileSync(path.join(d, 'r.json'), 'utf8')).year).toBe('2022/2023');
  });

  it('--json into a read-only folder: exit 1, a Russian message naming the file, and not even the workbook is written', () => {
    const d = folder('read-only');
    fs.chmodSync(dir, 0o755);
    fs.chmodSync(d, 0o777);
    const ro = path.join(d, 'ro');
    fs.mkdirSync(ro);
    const args = ['analyze', example, '-o', path.join(d, 'r.xlsx'), '--json', path.join(ro, 'r.json')];
    let r: { code: number | null; err: string };
    if (process.getuid?.() === 0) {
      // Root writes anywhere: run the built CLI as «nobody», for whom the root-owned folder is read-only.
      fs.chmodSync(ro, 0o755);
      const p = spawnSync(process.execPath, [path.join(root, 'bin/shnor-monitor.js'), ...args], { uid: 65534, gid: 65534, encoding: 'utf8', cwd: d });
      r = { code: p.status, err: p.stderr };
    } else {
      fs.chmodSync(ro, 0o555);
      const p = spawnSync(process.execPath, [path.join(root, 'bin/shnor-monitor.js'), ...args], { encoding: 'utf8', cwd: d });
      r = { code: p.status, err: p.stderr };
    }
    expect(r.err.trim()).toBe(
      `Ошибка: не удалось записать файл «${path.join(ro, 'r.json')}» (JSON-результат (--json)): нет прав на запись в эту папку или в этот файл.\nНи один файл не записан; исходные файлы и прежние результаты не изменены.`,
    );
    expect(r.code).toBe(EXIT.failed);
    expect(fs.readdirSync(d).sort()).toEqual(['ro']);
    expect(fs.readdirSync(ro)).toEqual([]);
  });

  it('import, form-spec and monitoring: an output naming the input is refused; monitoring --in-place keeps a backup', async () => {
    const d = folder('import-monitoring');
    const input = path.join(d, 'book.xlsx');
    fs.copyFileSync(book, input);
    const before = fingerprint(input);
    const i = await run('import', input, '--sheet', 'Результаты ОП', '-o', path.join(d, '.', 'book.xlsx'));
    expect(i.code).toBe(EXIT.usage);
    expect(i.err).toContain('это исходный файл');
    const m = await run('monitoring', input, '-o', input);
    expect(m.code).toBe(EXIT.usage);
    expect(m.err).toContain('добавьте --in-place');
    expect(fingerprint(input)).toBe(before);

    const f = await run('form-spec', input, '--json', input);
    expect(f.code).toBe(EXIT.usage);
    expect(f.err).toContain('это исходный файл');
    expect(fingerprint(input)).toBe(before);

    const ok = await run('monitoring', input, '--in-place');
    expect(ok.code).toBe(EXIT.ok);
    expect(ok.out).toContain('Лист «Мониторинг» создан');
    expect(ok.out).toContain(`Записано: ${input}`);
    expect(await sheetNames(input)).toContain('Мониторинг');
    expect(await sheetNames(path.join(d, 'book.bak.xlsx'))).not.toContain('Мониторинг');
    expect(tempLeftovers(d)).toEqual([]);
  });
});

/** A CSV folder from the given sheets (file name = sheet name). */
function csvBook(name: string, sheets: Record<string, string[][]>): string {
  const d = folder(name);
  for (const [sheet, rows] of Object.entries(sheets)) {
    fs.writeFileSync(path.join(d, `${sheet}.csv`), rows.map((r) => r.map((v) => `"${v.replace(/"/g, '""')}"`).join(',')).join('\n'));
  }
  return d;
}

/** A folder with some of the example's CSV files. */
function exampleSubset(name: string, sheets: string[]): string {
  const d = folder(name);
  for (const sheet of sheets) fs.copyFileSync(path.join(example, `${sheet}.csv`), path.join(d, `${sheet}.csv`));
  return d;
}

describe('issue 9 item 7: a workbook that is not the right one does not «succeed»', () => {
  it('a book with none of the expected sheets: exit 3, both not determined with reasons and the first errors; the journal is still written', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Бюджет').addRows([['Статья', 'Сумма'], ['Канцтовары', 1200]]);
    const file = path.join(folder('wrong-book'), 'бюджет.xlsx');
    await wb.xlsx.writeFile(file);
    const r = await run('analyze', file);
    expect(r.code).toBe(EXIT.undetermined);
    expect(r.out).toContain('Ни ШНОР, ни ШНСУ не определены: проверьте, та ли это книга');
    expect(r.out).toContain('ШНОР не определены: не найден лист результатов «Результаты ОП»');
    expect(r.out).toContain('ШНСУ не определены: не найден лист с ответами школ на анкету');
    expect(r.out).toMatch(/Ошибка журнала:\n {2}1\. Не найден лист с ответами на анкету/);
    expect(r.out).not.toContain('ШНОР: 0');
    expect(await sheetNames(path.join(dir, 'wrong-book', 'бюджет-результат.xlsx'))).toContain('Журнал проверки');
  });

  it('without results: ШНОР not determined (exit 0, ШНСУ are); without the questionnaire: the other way round', async () => {
    const noResults = exampleSubset('no-results', ['Ответы на форму (1)', 'Справочник ОО']);
    const a = await run('analyze', noResults);
    expect(a.code).toBe(EXIT.ok);
    expect(a.out).toContain('ШНОР не определены: не найден лист результатов');
    expect(a.out).toMatch(/ШНСУ \(\d+\):/);

    const headerOnly = exampleSubset('results-header-only', ['Ответы на форму (1)']);
    fs.writeFileSync(path.join(headerOnly, 'Результаты ОП.csv'), HEADERS.results.join(','));
    const b = await run('analyze', headerOnly);
    expect(b.code).toBe(EXIT.ok);
    expect(b.out).toContain('ШНОР не определены: в листе «Результаты ОП» нет ни одной строки с данными');

    const onlyResults = exampleSubset('only-results', ['Результаты ОП']);
    const c = await run('analyze', onlyResults);
    expect(c.code).toBe(EXIT.ok);
    expect(c.out).toContain('ШНСУ не определены: не найден лист с ответами школ на анкету');
    expect(c.out).toMatch(/ШНОР \(\d+\):/);
  });

  it('--year 2050/2051: ШНОР not determined, with the years that do exist; the questionnaire year is named', async () => {
    const r = await run('analyze', example, '-o', path.join(folder('year-2050'), 'r.xlsx'), '--year', '2050/2051');
    expect(r.code).toBe(EXIT.ok);
    expect(r.out).toContain('ШНОР не определены: в результатах нет данных за 2049/2050 и 2050/2051 (есть за 2020/2021, 2021/2022, 2022/2023) — проверьте --year');
    expect(r.out).toContain('ИСБШ и ШНСУ рассчитаны по анкете за 2022/2023, а учебный год анализа — 2050/2051.');
  });

  it('no school at all and no usable column: exit 3', async () => {
    const d = csvBook('bad-columns', { 'Ответы на форму (1)': [['Отметка времени', 'Школа'], ['01.01.2023', 'СОШ 1']], 'Результаты ОП': [['Год', 'Школа'], ['2022/2023', 'СОШ 1']] });
    const r = await run('analyze', d);
    expect(r.code).toBe(EXIT.undetermined);
    expect(r.out).toMatch(/ШНОР не определены: в листе «Результаты ОП» не найдены столбцы «Процедура»/);
    expect(r.out).toMatch(/ШНСУ не определены: в листе «Ответы на форму \(1\)» не найдены столбцы «оба родителя/);
  });
});

describe('issue 11: the summary names the schools, the first errors, and why indicators have no data', () => {
  it('the example: every ШНОР and ШНСУ school by name, three errors, «Мониторинг» missing explained', async () => {
    const r = await run('analyze', example, '-o', path.join(folder('summary'), 'r.xlsx'), '--json', path.join(dir, 'summary', 'r.json'));
    const json = JSON.parse(fs.readFileSync(path.join(dir, 'summary', 'r.json'), 'utf8')) as { schools: { name: string; shnor: boolean; shnsu: boolean }[]; issues: { level: string; message: string }[] };
    const shnorNames = json.schools.filter((s) => s.shnor).map((s) => s.name);
    expect(r.out).toContain(`ШНОР (${shnorNames.length}):\n${shnorNames.map((n) => `  ${n}`).join('\n')}\n`);
    const shnsuNames = json.schools.filter((s) => s.shnsu).map((s) => s.name);
    expect(r.out).toContain(`ШНСУ (${shnsuNames.length}):\n${shnsuNames.map((n) => `  ${n}`).join('\n')}\n`);
    const errors = json.issues.filter((i) => i.level === 'error');
    expect(errors.length).toBeGreaterThan(3);
    expect(r.out).toContain('Первые 3 ошибки журнала:');
    errors.slice(0, 3).forEach((e, i) => expect(r.out).toMatch(new RegExp(`\\n  ${i + 1}\\. .*${e.message.slice(0, 30).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`)));
    expect(r.out).not.toContain('  4. ');
    expect(r.out).toContain('Лист «Мониторинг» не найден, поэтому показатели по чек-листу рабочей группы и численности педагогов — «нет данных». Подготовьте его: shnor-monitor monitoring');
  });

  it('more than 20 schools of a category: the first 20, then «и ещё N»', async () => {
    const n = 26;
    const codes = Array.from({ length: n }, (_, i) => `s${String(i + 1).padStart(2, '0')}`);
    const d = csvBook('many', {
      'Ответы на форму (1)': [['Отметка времени', 'Код ОО', 'Наименование ОО', 'Всего обучающихся', 'Оба родителя с высшим образованием', 'Из неполных семей', 'На учёте'], ...codes.map((c, i) => ['10.01.2023 10:00:00', c, `Школа ${c}`, '100', String(10 + i), '10', '5'])],
      'Результаты ОП': [
        ['Учебный год', 'Код ОО', 'Наименование ОО', 'Процедура', 'Участников', 'Не справились'],
        ...codes.flatMap((c) => [['2022/2023', c, `Школа ${c}`, 'ВПР математика 5 кл.', '20', '10'], ['2022/2023', c, `Школа ${c}`, 'ВПР русский язык 5 кл.', '20', '10']]),
      ],
    });
    const r = await run('analyze', d);
    expect(r.code).toBe(EXIT.ok);
    expect(r.out).toContain(`ШНОР (${n}):\n${codes.slice(0, 20).map((c) => `  Школа ${c}`).join('\n')}\n  … и ещё ${n - 20} (полностью — лист «Перечень ШНОР и ШНСУ»)`);
  });
});

describe('issue 9 item 8: Russian help and messages, stack traces only with --debug', () => {
  it.each([
    [['--help'], CLI_HELP.general],
    [['help'], CLI_HELP.general],
    [['analyze', '--help'], CLI_HELP.analyze],
    [['analyze', 'книга.xlsx', '-o', 'r.xlsx', '--help'], CLI_HELP.analyze],
    [['help', 'analyze'], CLI_HELP.analyze],
    [['monitoring', '-h'], CLI_HELP.monitoring],
    [['import', '--help'], IMPORT_USAGE],
    [['import', 'книга.xlsx', '--sheet', 'Вставка', '--help'], IMPORT_USAGE],
    [['form-spec', '-h'], FORM_SPEC_USAGE],
  ])('%j prints that help, exit 0', async (args, help) => {
    const r = await run(...args);
    expect(r).toEqual({ code: EXIT.ok, out: help, err: '' });
  });

  it('every option of a command is in its help', () => {
    for (const option of ['-o, --output', '--json', '--year', '--cutoff', '--in-place', '--debug', '-h, --help']) expect(CLI_HELP.analyze).toContain(option);
    for (const option of ['-o, --output', '--in-place', '--debug', '-h, --help']) expect(CLI_HELP.monitoring).toContain(option);
    for (const code of ['0 ', '1 ', '2 ', '3 ']) expect(CLI_HELP.analyze).toContain(`\n  ${code}`);
  });

  it.each([
    [['analyze', example, '--foo'], 'Ошибка: у команды analyze нет параметра «--foo».'],
    [['analyze', example, '--jsno', 'r.json'], 'Ошибка: у команды analyze нет параметра «--jsno» — возможно, вы имели в виду --json.'],
    [['analyze', example, '-o'], 'Ошибка: после -o укажите файл книги-результата (.xlsx).'],
    [['analyze', example, '--year', '--json', 'x.json'], 'Ошибка: после --year укажите учебный год (например 2022/2023).'],
    [['analyze', example, '--in-place=yes'], 'Ошибка: параметр --in-place не принимает значения: уберите «=…».'],
    [['analyze', example, '--year', '2022', '--year', '2023'], 'Ошибка: параметр --year указан несколько раз: оставьте один.'],
    [['analyze'], 'Ошибка: укажите одну книгу .xlsx или папку с файлами .csv.'],
    [['analyze', example, 'лишнее'], 'Ошибка: лишний аргумент «лишнее»'],
    [['analyze', example, '--cutoff', 'median'], 'Ошибка: --cutoff: ожидается quartile или quintile, указано «median».'],
    [['anlyze', example], 'Ошибка: неизвестная команда «anlyze» — возможно, вы имели в виду «analyze».'],
    [[example], `Ошибка: сначала укажите команду, затем книгу: shnor-monitor analyze «${example}».`],
    [['import', example, '--sheet'], 'Ошибка: после --sheet укажите значение.'],
    [['import', example, '--sheet', 'x', '--bogus'], 'Ошибка: у команды import нет параметра «--bogus».'],
    [['monitoring', example, '--json', 'x.json'], 'Ошибка: у команды monitoring нет параметра «--json».'],
  ])('%j: exit 2 and a Russian message that says what to do', async (args, message) => {
    const r = await run(...args);
    expect(r.code).toBe(EXIT.usage);
    expect(r.err.startsWith(message)).toBe(true);
    expect(r.err).toMatch(/\nСправка: shnor-monitor (\w+ )?--help$/);
    expect(r.err).not.toMatch(RAW);
    expect(r.out).toBe('');
  });

  it('no command: the general help on stderr, exit 2', async () => {
    const r = await run();
    expect(r.code).toBe(EXIT.usage);
    expect(r.err).toBe(`Ошибка: укажите команду: analyze, monitoring, import, record, roadmap или form-spec.\n\n${CLI_HELP.general}`);
  });

  it('a file it cannot read: exit 1 in Russian; the stack only with --debug', async () => {
    const broken = path.join(folder('broken'), 'broken.xlsx');
    fs.writeFileSync(broken, 'это не книга');
    const plain = await run('analyze', broken);
    expect(plain.code).toBe(EXIT.failed);
    expect(plain.err).toBe(`Ошибка: Не удалось прочитать файл «${broken}»: это не книга Excel (.xlsx)`);
    const debug = await run('analyze', broken, '--debug');
    expect(debug.code).toBe(EXIT.failed);
    expect(debug.err).toMatch(/^Ошибка: Не удалось прочитать файл[^\n]*\nПодробности \(--debug\):\nError: [^]*\n\s+at /);
  });

  it('an internal error: a Russian message asking for --debug; the stack only with --debug', async () => {
    const failing = (debug: boolean) =>
      runCli(['analyze', example, ...(debug ? ['--debug'] : [])], {
        out: () => undefined,
        err: (t) => errs.push(t),
        now: () => {
          throw new TypeError("Cannot read properties of undefined (reading 'x')");
        },
      });
    const errs: string[] = [];
    expect(await failing(false)).toBe(EXIT.failed);
    expect(errs[0]).toBe("Ошибка: внутренняя ошибка программы (Cannot read properties of undefined (reading 'x')). Повторите команду с --debug и сообщите разработчикам, приложив вывод.");
    expect(errs[0]).not.toMatch(/^\s+at /m);
    expect(await failing(true)).toBe(EXIT.failed);
    expect(errs[1]).toMatch(/\nПодробности \(--debug\):\nTypeError: Cannot read[^]*\n\s+at /);
  });
});
