/**
 * Chart spec → PNG: Apache ECharts renders the option to SVG on the server (only the line and bar charts, the
 * grid, title and legend, and the SVG renderer are imported), resvg's WebAssembly build rasterises it with the
 * bundled font. Loaded with `import()` only when a chart is drawn: the HTTP function never has it, and a worker
 * job that draws nothing never loads it.
 */
import { initWasm, Resvg } from '@resvg/resvg-wasm';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { lazy } from '../lazy.ts';
import { chartAssetPaths, readChartAssets } from './assets.ts';
import { CHART_FONT } from './font.ts';
import type { ChartSpec } from './specs.ts';
import { measureText } from './text.ts';
import { THEME } from './theme.ts';

echarts.use([LineChart, BarChart, GridComponent, TitleComponent, LegendComponent, SVGRenderer]);
// Lay text out with the widths of the font resvg draws, not zrender's 12px sans-serif guess.
echarts.setPlatformAPI({ measureText: measureText as never });

export interface RenderedChart {
  png: Uint8Array;
  width: number;
  height: number;
  /** Time spent, for the logs and the bench. */
  ms: { svg: number; raster: number };
}

/** One resvg initialisation per process (initWasm throws if called twice); a failure is retried next time. */
const fontBuffers = lazy(async () => {
  const assets = await readChartAssets(chartAssetPaths(import.meta.url));
  await initWasm(assets.wasm);
  return assets.fonts;
});

/** Compiles resvg's wasm and reads the fonts now, so the first chart doesn't wait for them. */
export async function warmUp(): Promise<void> {
  await fontBuffers();
}

/** The option as an SVG document (ECharts server-side rendering, animation off). */
export function renderSvg(spec: ChartSpec): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: spec.width, height: spec.height });
  try {
    chart.setOption({ ...spec.option, animation: false });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

export async function renderChart(spec: ChartSpec): Promise<RenderedChart> {
  const fonts = await fontBuffers();
  const started = performance.now();
  const svg = renderSvg(spec);
  const svgDone = performance.now();
  // Option keys are checked by resvg: one unknown key would silently reset them all, fonts included.
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'original' },
    background: THEME.background,
    font: { fontBuffers: fonts, defaultFontFamily: CHART_FONT.family, sansSerifFamily: CHART_FONT.family },
  });
  try {
    const image = resvg.render();
    try {
      return {
        png: image.asPng(),
        width: image.width,
        height: image.height,
        ms: { svg: svgDone - started, raster: performance.now() - svgDone },
      };
    } finally {
      image.free();
    }
  } finally {
    resvg.free();
  }
}
