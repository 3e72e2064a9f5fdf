/** `npm run font-metrics`: regenerates src/charts/font-metrics.ts from the installed @fontsource/inter files. */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT } from '../build/bundle.ts';
import { measureChartFont, metricsModule } from '../build/font-metrics.ts';

const file = join(ROOT, 'src', 'charts', 'font-metrics.ts');
await writeFile(file, metricsModule(measureChartFont()));
console.log(`Wrote ${file}`);
