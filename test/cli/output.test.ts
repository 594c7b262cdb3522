import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CliError, UsageError } from '../../src/cli/errors';
import { OutputFileSystem, OutputSet, backupPathFor, fileProblem, nodeFileSystem } from '../../src/cli/output';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shnor-output-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const at = (...parts: string[]) => path.join(dir, ...parts);
const read = (file: string) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null);

/** Every file under `root` whose name says it is one of ours in progress. */
function temporaries(root: string): string[] {
  const found: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/^\..*\.(tmp|old)$/.test(e.name)) found.push(p);
    }
  };
  walk(root);
  return found;
}

function refusal(f: () => void): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    return (e as Error).message;
  }
  throw new Error('not refused');
}

describe('OutputSet.declare: an output that is the input is refused (exit 2) before any work', () => {
  beforeEach(() => {
    fs.writeFileSync(at('book.xlsx'), 'исходная книга');
    fs.mkdirSync(at('sub'));
    fs.symlinkSync('book.xlsx', at('link.xlsx'));
    fs.linkSync(at('book.xlsx'), at('hard.xlsx'));
  });

  it.each([['book.xlsx'], ['./book.xlsx'], ['sub/../book.xlsx'], ['link.xlsx'], ['hard.xlsx']])('«%s» is the input', (spelling) => {
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const message = refusal(() => new OutputSet(['book.xlsx']).declare(spelling, 'книга-результат', { mayReplaceInput: true }));
      expect(message).toContain('это исходная книга');
      expect(message).toContain('--in-place');
      expect(message).toContain('book.bak.xlsx');
    } finally {
      process.chdir(cwd);
    }
    expect(read(at('book.xlsx'))).toBe('исходная книга');
  });

  it('the same by an absolute path to a relative input, and a JSON or chart over the input even with --in-place', () => {
    refusal(() => new OutputSet([at('sub', '..', 'book.xlsx')]).declare(at('book.xlsx'), 'книга', { mayReplaceInput: true }));
    const inPlace = new OutputSet([at('book.xlsx')], { inPlace: true });
    expect(refusal(() => inPlace.declare(at('hard.xlsx'), 'JSON'))).toContain('это исходный файл');
    inPlace.declare(at('link.xlsx'), 'книга', { mayReplaceInput: true });
    expect(inPlace.replacesInput).toBe(true);
  });

  it('a file of an input CSV folder, a folder, a path under a file, and two outputs in one file', () => {
    fs.mkdirSync(at('csv'));
    fs.writeFileSync(at('csv', 'Результаты ОП.csv'), 'a');
    const set = new OutputSet([at('csv')], { inPlace: true });
    expect(refusal(() => set.declare(at('csv', 'Результаты ОП.csv'), 'JSON', { mayReplaceInput: true }))).toContain('это исходный файл');
    expect(refusal(() => set.declare(at('sub'), 'книга'))).toContain('это папка');
    expect(refusal(() => set.declare(at('book.xlsx', 'r.json'), 'JSON'))).toContain('является файлом, а не папкой');
    set.declare(at('out', 'r.xlsx'), 'книга');
    expect(refusal(() => set.declare(at('out', '..', 'out', 'r.xlsx'), 'JSON'))).toContain('книга и JSON записываются в один и тот же файл');
  });
});

describe('OutputSet.commit', () => {
  it('writes through a temporary file and a rename: new folders made, old files replaced, mode kept, nothing left over', async () => {
    fs.writeFileSync(at('r.xlsx'), 'старое');
    fs.chmodSync(at('r.xlsx'), 0o640);
    const set = new OutputSet([]);
    set.declare(at('r.xlsx'), 'книга');
    set.declare(at('new', 'deep', 'r.json'), 'JSON');
    set.declare(at('r-isbsh.svg'), 'диаграмма');
    const result = await set.commit([
      { path: at('r.xlsx'), data: Buffer.from('новое') },
      { path: at('new', 'deep', 'r.json'), data: '{}\n' },
    ]);
    expect(result).toEqual({ written: [at('r.xlsx'), at('new', 'deep', 'r.json')], backup: null, leftovers: [] });
    expect(read(at('r.xlsx'))).toBe('новое');
    expect(fs.statSync(at('r.xlsx')).mode & 0o777).toBe(0o640);
    expect(read(at('new', 'deep', 'r.json'))).toBe('{}\n');
    expect(fs.existsSync(at('r-isbsh.svg'))).toBe(false);
    expect(temporaries(dir)).toEqual([]);
  });

  it('--in-place: the input is backed up first; an existing backup is never replaced (the next is .bak-2)', async () => {
    fs.writeFileSync(at('book.xlsx'), 'версия 1');
    fs.writeFileSync(at('book.bak.xlsx'), 'старая копия');
    const set = new OutputSet([at('book.xlsx')], { inPlace: true });
    set.declare(at('book.xlsx'), 'книга', { mayReplaceInput: true });
    expect(set.backupName()).toBe(at('book.bak-2.xlsx'));
    const result = await set.commit([{ path: at('book.xlsx'), data: 'версия 2' }]);
    expect(result.backup).toBe(at('book.bak-2.xlsx'));
    expect(read(at('book.bak.xlsx'))).toBe('старая копия');
    expect(read(at('book.bak-2.xlsx'))).toBe('версия 1');
    expect(read(at('book.xlsx'))).toBe('версия 2');
    expect(temporaries(dir)).toEqual([]);
  });

  it('--in-place through a symlink writes the file it points to and keeps the link', async () => {
    fs.writeFileSync(at('book.xlsx'), 'версия 1');
    fs.symlinkSync('book.xlsx', at('link.xlsx'));
    const set = new OutputSet([at('link.xlsx')], { inPlace: true });
    set.declare(at('link.xlsx'), 'книга', { mayReplaceInput: true });
    const result = await set.commit([{ path: at('link.xlsx'), data: 'версия 2' }]);
    expect(fs.lstatSync(at('link.xlsx')).isSymbolicLink()).toBe(true);
    expect(read(at('book.xlsx'))).toBe('версия 2');
    expect(read(result.backup as string)).toBe('версия 1');
    expect(result.backup).toBe(at('book.bak.xlsx'));
  });

  it('a real failure (a folder that is a file) leaves nothing written and says so in Russian', async () => {
    fs.writeFileSync(at('r.xlsx'), 'старое');
    fs.writeFileSync(at('blocker'), '');
    const set = new OutputSet([]);
    set.declare(at('r.xlsx'), 'книга-результат');
    set.declare(at('json', 'r.json'), 'JSON-результат (--json)');
    // The file appears after the check, as if another program made it.
    fs.writeFileSync(at('json'), 'файл на месте папки');
    const error = await set.commit([
      { path: at('r.xlsx'), data: 'новое' },
      { path: at('json', 'r.json'), data: '{}' },
    ]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CliError);
    expect((error as Error).message).toMatch(/^не удалось записать файл «.*r\.json» \(JSON-результат \(--json\)\): часть пути — файл, а не папка\.\nНи один файл не записан/);
    expect(read(at('r.xlsx'))).toBe('старое');
    expect(temporaries(dir)).toEqual([]);
  });

  it('names every failure in Russian, never the raw system text', () => {
    for (const code of ['EACCES', 'EPERM', 'EROFS', 'ENOSPC', 'EBUSY', 'ENOTDIR', 'EISDIR', 'ENAMETOOLONG']) {
      const text = fileProblem(Object.assign(new Error(`${code}: permission denied, open 'x'`), { code }));
      expect(text).toMatch(/^[а-яё]/);
      expect(text).not.toContain(code);
    }
    expect(fileProblem(Object.assign(new Error('EWHAT: x'), { code: 'EWHAT' }))).toBe('системная ошибка (код EWHAT)');
    expect(backupPathFor('/a/книга.XLSX', 3)).toBe('/a/книга.bak-3.XLSX');
  });
});

/**
 * The k-th file operation fails, for every k of a complete run: afterwards every destination holds
 * either its old content or its new one, the message names exactly the files that hold new content,
 * and no temporary file is left unless the message names it.
 */
describe('OutputSet.commit with the k-th file operation failing, for every k', () => {
  function failingOn(k: number, code: string): { fileSystem: OutputFileSystem; failed: () => string | null; count: () => number } {
    let n = 0;
    let failedOp: string | null = null;
    const fileSystem = {} as Record<string, unknown>;
    for (const [name, op] of Object.entries(nodeFileSystem)) {
      fileSystem[name] = async (...args: unknown[]) => {
        if (++n === k) {
          failedOp = name;
          throw Object.assign(new Error(`${code}: injected failure, ${name}`), { code });
        }
        return (op as (...a: unknown[]) => Promise<unknown>)(...args);
      };
    }
    return { fileSystem: fileSystem as unknown as OutputFileSystem, failed: () => failedOp, count: () => n };
  }

  interface Scenario {
    name: string;
    inPlace: boolean;
    before: Record<string, string>;
    writes: Record<string, string>;
    input?: string;
  }
  const scenarios: Scenario[] = [
    {
      name: 'three outputs: one replaces an old result, one in a new folder, one new',
      inPlace: false,
      before: { 'r.xlsx': 'старая книга', 'r.json': 'старый json' },
      writes: { 'r.xlsx': 'новая книга', 'new/r-isbsh.svg': 'новая диаграмма', 'r.json': 'новый json' },
    },
    {
      name: '--in-place with a chart beside it',
      inPlace: true,
      input: 'book.xlsx',
      before: { 'book.xlsx': 'исходная книга' },
      writes: { 'book.xlsx': 'книга с расчётом', 'book-isbsh.svg': 'диаграмма' },
    },
  ];

  async function run(s: Scenario, k: number, code: string) {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir);
    for (const [f, text] of Object.entries(s.before)) fs.writeFileSync(at(f), text);
    const injected = failingOn(k, code);
    const set = new OutputSet(s.input ? [at(s.input)] : [], { inPlace: s.inPlace, fileSystem: injected.fileSystem });
    for (const f of Object.keys(s.writes)) set.declare(at(f), f, { mayReplaceInput: f === s.input });
    const outcome = await set.commit(Object.entries(s.writes).map(([f, data]) => ({ path: at(f), data }))).then(
      (r) => ({ ok: true as const, r }),
      (e: unknown) => ({ ok: false as const, e }),
    );
    return { outcome, injected };
  }

  it.each(scenarios.map((s) => [s.name, s] as const))('%s', async (_, s) => {
    const total = (await run(s, 0, 'EACCES')).injected.count();
    expect(total).toBeGreaterThan(5);
    for (let k = 1; k <= total; k++) {
      for (const code of ['EACCES', 'ENOSPC']) {
        const { outcome, injected } = await run(s, k, code);
        const at_k = `k=${k} (${injected.failed()}, ${code})`;
        const changed = Object.keys(s.writes).filter((f) => read(at(f)) === s.writes[f]);
        const unchanged = Object.keys(s.writes).filter((f) => read(at(f)) === (s.before[f] ?? null));
        expect({ at_k, all: [...changed, ...unchanged].sort() }).toEqual({ at_k, all: Object.keys(s.writes).sort() });
        const left = temporaries(dir);
        if (outcome.ok) {
          expect({ at_k, changed }).toEqual({ at_k, changed: Object.keys(s.writes) });
          expect({ at_k, left: left.sort() }).toEqual({ at_k, left: [...outcome.r.leftovers].sort() });
        } else {
          expect(outcome.e).toBeInstanceOf(CliError);
          const message = (outcome.e as Error).message;
          expect(message).not.toMatch(/EACCES|ENOSPC|injected/);
          // One failure is always undone: what was renamed already is put back.
          expect({ at_k, changed }).toEqual({ at_k, changed: [] });
          expect({ at_k, message }).toEqual({ at_k, message: expect.stringContaining('Ни один файл не записан') });
          for (const f of left) expect({ at_k, message }).toEqual({ at_k, message: expect.stringContaining(f) });
          expect({ at_k, newFolder: changed.some((f) => f.startsWith('new/')) || fs.existsSync(at('new')) === false }).toEqual({ at_k, newFolder: true });
        }
        if (s.input) {
          const backups = fs.readdirSync(dir).filter((f) => f.includes('.bak'));
          // The input is replaced only with a backup of it beside it.
          if (changed.includes(s.input)) expect({ at_k, backups: backups.map((b) => read(at(b))) }).toEqual({ at_k, backups: [s.before[s.input]] });
          else if (!outcome.ok || backups.length > 0) expect({ at_k, backups }).toEqual({ at_k, backups: [] });
        }
      }
    }
  });
});

describe('OutputSet.commit when a rename fails and putting the old file back fails too', () => {
  it('says exactly which files were written and which were not', async () => {
    fs.writeFileSync(at('r.xlsx'), 'старая книга');
    fs.writeFileSync(at('r.json'), 'старый json');
    let renames = 0;
    const fileSystem: OutputFileSystem = {
      ...nodeFileSystem,
      async rename(from, to) {
        renames++;
        // The 2nd rename (r.json) fails, and so does the 3rd (putting the old r.xlsx back).
        if (renames === 2 || renames === 3) throw Object.assign(new Error('EBUSY: resource busy'), { code: 'EBUSY' });
        return nodeFileSystem.rename(from, to);
      },
    };
    const set = new OutputSet([], { fileSystem });
    set.declare(at('r.xlsx'), 'книга-результат');
    set.declare(at('r.json'), 'JSON-результат (--json)');
    const error = await set.commit([
      { path: at('r.xlsx'), data: 'новая книга' },
      { path: at('r.json'), data: 'новый json' },
    ]).catch((e: unknown) => e as Error);
    expect(error).toBeInstanceOf(CliError);
    expect((error as Error).message).toBe(
      `не удалось записать файл «${at('r.json')}» (JSON-результат (--json)): файл занят другой программой (возможно, открыт в Excel) — закройте его и повторите.\n` +
        `Записаны: «${at('r.xlsx')}». Не записаны: «${at('r.json')}».`,
    );
    expect(read(at('r.xlsx'))).toBe('новая книга');
    expect(read(at('r.json'))).toBe('старый json');
    expect(temporaries(dir)).toEqual([]);
  });
});
