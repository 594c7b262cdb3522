import fs from 'node:fs';
import path from 'node:path';
import { VegaLiteSpec, contextChartSpec, isbshChart } from '../../src/engine';
import { renderChart } from '../../src/cli/charts';
import { exampleAnalysis, syntheticContext } from './fixtures';
import { decodePng } from './png';

// The pictures in docs/ are these renderings; `UPDATE_CHART_DOCS=1 npx jest test/charts/docs` redraws them.
const DOCS = path.resolve(__dirname, '../../docs');
const UPDATE = process.env.UPDATE_CHART_DOCS === '1';

const pictures: [string, () => VegaLiteSpec][] = [
  ['chart-isbsh.png', () => isbshChart(exampleAnalysis()) as VegaLiteSpec],
  ['chart-context.png', () => contextChartSpec({ ...syntheticContext(24), year: '2022/2023' }) as VegaLiteSpec],
];

describe.each(pictures)('docs/%s', (file, spec) => {
  it('is kept and decodes as a picture of the chart', async () => {
    const target = path.join(DOCS, file);
    if (UPDATE) fs.writeFileSync(target, (await renderChart(spec())).bytes);
    const kept = decodePng(fs.readFileSync(target));
    expect(kept.width).toBeGreaterThan(800);
    expect(kept.darkIn(0, 0, kept.width, kept.height)).toBeGreaterThan(1000);
  });
});
