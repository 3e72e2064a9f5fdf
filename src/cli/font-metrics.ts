/**
 * `npm run font-metrics`: regenerates src/charts/font-metrics.ts from the installed @fontsource/inter files, then
 * formats it with Biome (here, not in package.json: npm appends `-- --help` to the script's last command).
 */
import { spawnSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT } from '../build/bundle.ts';
import { measureChartFont, metricsModule } from '../build/font-metrics.ts';
import { optionsOrExit } from './args.ts';

const values = optionsOrExit('font-metrics', process.argv.slice(2), { help: { type: 'boolean', short: 'h', default: false } });
if (values.help) {
  console.log(`Usage: npm run font-metrics
Regenerates src/charts/font-metrics.ts (the chart font's advance widths, which the worker lays labels out with) from the
installed @fontsource/inter files, and formats it with Biome. Run it after upgrading @fontsource/inter; a test checks the
file matches the installed fonts. No options but --help.`);
  process.exit(0);
}

const file = join(ROOT, 'src', 'charts', 'font-metrics.ts');
await writeFile(file, metricsModule(measureChartFont()));
const biome = spawnSync(join(ROOT, 'node_modules', '.bin', 'biome'), ['format', '--write', file], { cwd: ROOT, stdio: 'inherit' });
if (biome.status !== 0) {
  console.error(`Wrote ${file}, but Biome could not format it (exit ${biome.status ?? biome.signal}).`);
  process.exit(1);
}
console.log(`Wrote ${file}`);
