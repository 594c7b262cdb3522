import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../../src/cli/main';
import type { FormSpec } from '../../src/engine/form/spec';
import { recordingIo } from '../support/cliHarness';
import { EXAMPLE_DIR } from '../support/exampleWorkbook';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'form-spec-'));

describe('shnor-monitor form-spec', () => {
  it('prints how to build the form by hand, with the school years of today', async () => {
    const c = recordingIo(new Date(Date.UTC(2026, 0, 15, 7, 0)));
    expect(await runCli(['form-spec'], c.io)).toBe(0);
    const text = c.out.join('\n');
    expect(text).toContain('Название формы: Анкета школы для расчёта ИСБШ, 2025/2026 учебный год');
    for (const title of ['Образовательная организация', 'Учебный год', 'Всего обучающихся в школе (N)', 'Обучающихся из неполных семей (S)', 'Комментарий']) expect(text).toContain(`«${title}»`);
    expect(text).toContain('2024/2025');
    expect(text).toContain('«Регулярное выражение» → «Соответствует» → ^\\s*0*[1-9][0-9]*\\s*$');
    expect(text).toContain('shnor-monitor form-spec книга.xlsx');
    expect(text).toContain('Связать с Таблицами');
  });

  it('with a workbook: its schools and municipality; --json writes the same description the add-on uses', async () => {
    const dir = tmp();
    const json = path.join(dir, 'анкета.json');
    const c = recordingIo();
    expect(await runCli(['form-spec', EXAMPLE_DIR, '--json', json], c.io)).toBe(0);
    expect(c.out.join('\n')).toContain(json);
    const spec = JSON.parse(fs.readFileSync(json, 'utf8')) as FormSpec;
    expect(spec.title).toContain('Северный район');
    const school = spec.questions[0];
    expect(school.kind === 'list' && school.choices).toContain('МБОУ "СОШ № 1" (код sch240101)');
    expect(school.kind === 'list' && school.choices.length).toBe(21);
  });

  it('a form built by hand from the description is read by «analyze» with no remark on its sheet', async () => {
    const dir = tmp();
    const json = path.join(dir, 'spec.json');
    await runCli(['form-spec', EXAMPLE_DIR, '--json', json], recordingIo().io);
    const spec = JSON.parse(fs.readFileSync(json, 'utf8')) as FormSpec;
    const school = spec.questions[0];
    if (school.kind !== 'list') throw new Error('первый вопрос — список школ');
    const csv = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
    const rows = [['Отметка времени', ...spec.questions.map((q) => q.title)]];
    school.choices.forEach((choice, i) => rows.push([`0${(i % 9) + 1}.12.2025 10:00:00`, choice, spec.year, String(200 + i), String(20 + i), String(10 + (i % 5)), String(i % 4), '', '']));
    const book = path.join(dir, 'книга');
    fs.mkdirSync(book);
    for (const f of ['Справочник ОО.csv', 'Результаты ОП.csv']) fs.copyFileSync(path.join(EXAMPLE_DIR, f), path.join(book, f));
    fs.writeFileSync(path.join(book, 'Ответы на форму (1).csv'), rows.map((r) => r.map(csv).join(',')).join('\n'));
    const out = path.join(dir, 'result.json');
    expect(await runCli(['analyze', book, '-o', path.join(dir, 'r.xlsx'), '--json', out], recordingIo().io)).toBe(0);
    const result = JSON.parse(fs.readFileSync(out, 'utf8')) as { schools: { isbsh: number | null }[]; issues: { sheet: string; level: string }[] };
    expect(result.schools.filter((s) => s.isbsh !== null)).toHaveLength(21);
    expect(result.issues.filter((i) => i.sheet === 'Ответы на форму (1)' && i.level !== 'info')).toEqual([]);
  });

  it('refuses two workbooks with the usage', async () => {
    const c = recordingIo();
    expect(await runCli(['form-spec', 'a.xlsx', 'b.xlsx'], c.io)).toBe(2);
    expect(c.err.join('\n')).toContain('form-spec [книга.xlsx | папка с .csv]');
  });
});
