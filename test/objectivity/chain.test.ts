/**
 * From a pasted protocol to the signs (issue 16), in the engine: the import writes «Результаты ОП»,
 * the objectivity pass reads it back, «Объективность» and the JSON show which result carries a sign.
 */
import { planImport } from '../../src/engine/import';
import { Journal } from '../../src/engine/journal';
import { judgeObjectivity, objectivityJson, objectivitySheet, readResultsObjectivity } from '../../src/engine/objectivity';
import { readRegistry } from '../../src/engine/schools/registry';
import { defaultSettings } from '../../src/engine/settings';
import { applyAppend, loadPaste, loadProtocol } from '../import/paste';

it('a protocol imported, read back and judged', () => {
  const registry = loadPaste('registry.tsv');
  const plan = planImport({
    paste: { name: 'Протокол', rows: loadProtocol('protocol-sheet-math5-2021.tsv') },
    results: null,
    registry,
    settings: defaultSettings(),
    hints: { procedure: 'ВПР математика 5 кл.', scale: '7; 11; 15' },
  });
  const results = applyAppend(null, plan.append);
  const read = readResultsObjectivity('Результаты ОП', results, readRegistry(registry, new Journal()), new Journal());
  const judged = judgeObjectivity(read.inputs, defaultSettings().objectivity, 10, new Journal(), 'Результаты ОП');
  // Municipality: up 1 + 0 of 4 + 6 compared = 10 %. Гимназия № 3: 1 of 4 = 25 % ≥ 2 × 10 % and ≥ 10 %.
  // СОШ № 4: «3» 3 / 1 = 3, but 6 participants < 20.
  const json = objectivityJson(judged, ['2020/2021']);
  expect(json.map((j) => [j.code, j.n, j.up, j.boundaryRatio, j.signs.map((s) => s.kind)])).toEqual([
    ['sch240103', 4, 1, 1, ['up']],
    ['sch240104', 6, 0, 3, []],
  ]);
  expect(json[0].signs[0].text).toBe('повысили 25,0 % (1 из 4) — не менее 2 × доли муниципалитета (10,0 %) и не менее 10 %; малая выборка: 4');
  const sheet = objectivitySheet(judged, '2020/2021', 'сейчас');
  expect(sheet.values.slice(5).map((r) => [r[1], r[14]])).toEqual([
    ['', ''],
    ['sch240103', json[0].signs[0].text],
    ['sch240104', ''],
  ]);
});
