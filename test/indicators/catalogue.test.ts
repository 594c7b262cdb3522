import fs from 'node:fs';
import path from 'node:path';
import { analyze } from '../../src/engine/analyze';
import { INDICATORS, INDICATOR_GROUPS } from '../../src/engine/indicators/catalogue';
import { MONITORING_COLUMNS } from '../../src/engine/indicators/monitoringColumns';
import { targetLabel } from '../../src/engine/indicators/targets';
import { headerKey } from '../../src/engine/text';
import { Journal } from '../../src/engine/journal';
import { PROCEDURES } from '../../src/engine/shnor/procedures';
import { defaultSettings, readSettings, settingsTable } from '../../src/engine/settings';
import { workbook } from './municipality';

/**
 * «Раздел 5» of seed 000 (copied verbatim into razdel5.txt): indicator lines end with a tab and the
 * target; one indicator (1.1.4.2) is broken over a page: its text continues on a later line that
 * ends with a bare tab.
 */
function seedIndicators(): { group: string; text: string; target: number }[] {
  const lines = fs.readFileSync(path.join(__dirname, 'razdel5.txt'), 'utf8').split('\n');
  const out: { group: string; text: string; target: number }[] = [];
  let group = '';
  for (const line of lines) {
    const g = line.match(/^(1\.1\.\d) /);
    if (g) group = g[1];
    const m = line.match(/^(.*)\t(\d+)%$/);
    if (m) out.push({ group, text: m[1].trim(), target: Number(m[2]) });
    else if (/\t$/.test(line) && out.length > 0) out[out.length - 1].text += ` ${line.trim()}`;
  }
  return out;
}

describe('indicator catalogue vs seed 000, «Раздел 5»', () => {
  const seed = seedIndicators();

  it('has every indicator of the program: 29 in six groups (7, 7, 4, 7, 3, 1)', () => {
    expect(seed).toHaveLength(29);
    expect(INDICATORS).toHaveLength(seed.length);
    const perGroup = (list: { group: string }[]) => INDICATOR_GROUPS.map((g) => list.filter((i) => i.group === g.id).length);
    expect(perGroup(seed)).toEqual([7, 7, 4, 7, 3, 1]);
    expect(perGroup(INDICATORS)).toEqual([7, 7, 4, 7, 3, 1]);
  });

  it('quotes every text and target as the program has them, in order', () => {
    INDICATORS.forEach((ind, i) => {
      expect({ id: ind.id, group: ind.group, text: ind.text, target: ind.target }).toEqual({ id: ind.id, group: seed[i].group, text: seed[i].text, target: seed[i].target });
    });
  });

  it('gives stable ids «group.position» and group titles from the program', () => {
    for (const g of INDICATOR_GROUPS) {
      INDICATORS.filter((i) => i.group === g.id).forEach((ind, k) => expect(ind.id).toBe(`${g.id}.${k + 1}`));
    }
    const text = fs.readFileSync(path.join(__dirname, 'razdel5.txt'), 'utf8');
    for (const g of INDICATOR_GROUPS) expect(text).toContain(`${g.id} ${g.title}`);
  });

  it('names only catalogue procedures for dynamics, and has the populations the program says', () => {
    const names = new Set(PROCEDURES.map((p) => p.name));
    for (const ind of INDICATORS) if (ind.source.kind === 'dynamics') for (const p of ind.source.procedures) expect(names.has(p)).toBe(true);
    const pop = (ids: string[]) => ids.map((id) => INDICATORS.find((i) => i.id === id)?.population);
    expect(pop(['1.1.5.1', '1.1.5.2', '1.1.5.3'])).toEqual(['all', 'all', 'all']);
    expect(pop(['1.1.3.3', '1.1.4.1', '1.1.4.2'])).toEqual(['teachers', 'teachers', 'teachers']);
    expect(pop(['1.1.1.1', '1.1.2.1', '1.1.6.1'])).toEqual(['listed', 'listed', 'listed']);
  });

  it('gives «Мониторинг» headers that stay distinct after header normalisation', () => {
    const keys = MONITORING_COLUMNS.map((c) => headerKey(c.header));
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('targets in «Настройки»', () => {
  // The engine registers the target rows when the analysis module loads.
  analyze(workbook());

  it('appear in the settings sheet as «Целевое значение, %: <id> …» with the program value', () => {
    const rows = settingsTable(defaultSettings());
    for (const ind of INDICATORS) {
      const row = rows.find((r) => r[0] === targetLabel(ind));
      expect(row?.[0]).toMatch(new RegExp(`^Целевое значение, %: ${ind.id.replace(/\./g, '\\.')} `));
      expect(row?.[1]).toBe(ind.target);
    }
  });

  it('read back: the defaults as the defaults, a changed target (20, «35 %», 0,4) as a share', () => {
    const j = new Journal();
    expect(readSettings(settingsTable(defaultSettings()), j).settings).toEqual(defaultSettings());
    const table = settingsTable(defaultSettings());
    const set = (id: string, v: string | number) => {
      const row = table.find((r) => r[0] === targetLabel(INDICATORS.find((i) => i.id === id)!));
      row![1] = v;
    };
    set('1.1.2.1', 25);
    set('1.1.3.3', '35 %');
    set('1.1.4.6', 0.4);
    set('1.1.1.1', 'сто');
    const { settings } = readSettings(table, j);
    expect(settings.targets).toEqual({ '1.1.2.1': 0.25, '1.1.3.3': 0.35, '1.1.4.6': 0.4 });
    expect(j.entries.map((e) => [e.level, e.message])).toEqual([['error', expect.stringContaining('1.1.1.1')]]);
  });
});
