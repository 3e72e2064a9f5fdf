/**
 * Where the renderer's files are: resvg's WebAssembly module and the chart font. A bundle has them in its own
 * folder (the build copies them next to the worker's chunks, see src/build/bundle.ts); from source (tests, demo,
 * bench) they are read from node_modules.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ALL_FONT_FILES } from './font.ts';

/** resvg's wasm file name next to a bundle. */
export const RESVG_WASM_FILE = 'resvg.wasm';
/** The folder of fonts (and their licence) next to a bundle. */
export const FONTS_DIR = 'fonts';

export interface ChartAssetPaths {
  wasm: string;
  fonts: string[];
}

/** The asset paths for code running from `moduleUrl` (a bundle chunk or a source file). */
export function chartAssetPaths(moduleUrl: string): ChartAssetPaths {
  const here = dirname(fileURLToPath(moduleUrl));
  const bundled = join(here, RESVG_WASM_FILE);
  if (existsSync(bundled)) return { wasm: bundled, fonts: ALL_FONT_FILES.map((f) => join(here, FONTS_DIR, f)) };
  const require = createRequire(moduleUrl);
  return {
    wasm: require.resolve('@resvg/resvg-wasm/index_bg.wasm'),
    fonts: ALL_FONT_FILES.map((f) => require.resolve(`@fontsource/inter/files/${f}`)),
  };
}

export async function readChartAssets(paths: ChartAssetPaths): Promise<{ wasm: Buffer; fonts: Buffer[] }> {
  const [wasm, ...fonts] = await Promise.all([readFile(paths.wasm), ...paths.fonts.map((f) => readFile(f))]);
  return { wasm: wasm as Buffer, fonts };
}
