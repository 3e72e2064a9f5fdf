/**
 * Chart images for a message: specs → PNG (the renderer is imported on the first chart, never before) → private
 * upload to Slack → image block references. A chart that can't be drawn or delivered (no `files:write` scope,
 * upload failure, Slack still processing the file) is left out and logged: the message keeps its text sparkline
 * and always goes out. If Slack then refuses the image blocks themselves (`invalid_blocks` for a slack_file, a
 * response_url that won't show the file), the message is sent again without them.
 */
import { type ChartPlace, type ChartSpec, drawsCharts } from '../charts/specs.ts';
import type { ImageRef, SlackMessage } from '../digest/blocks.ts';
import { unescapeMrkdwn } from '../digest/mrkdwn.ts';
import { errorFields, type LogFields } from '../log.ts';
import { ChartUploadError, type UploadOptions, uploadChartFile } from './chart-upload.ts';
import type { WorkerDeps } from './deps.ts';
import { slackErrorCode } from './failures.ts';
import { ResponseUrlError } from './respond.ts';

export interface RenderedPng {
  png: Uint8Array;
  ms?: { svg: number; raster: number };
}

export interface ChartDeliveryOptions extends UploadOptions {
  /** Draw charts at all (default true; the worker reads `CHARTS=off`). */
  enabled?: boolean;
  /** Spec → PNG (default: src/charts/render.ts, imported on first use). */
  render?: (spec: ChartSpec) => Promise<RenderedPng>;
}

/** Web API clients whose token lacks `files:write`: no point asking again in this container. */
const missingScope = new WeakSet<object>();
/** Web API clients Slack rate-limited on files methods, and until when (ms since epoch): charts wait that out as text. */
const limitedUntil = new WeakMap<object, number>();

async function renderWithECharts(spec: ChartSpec): Promise<RenderedPng> {
  const { renderChart } = await import('../charts/render.ts');
  return renderChart(spec);
}

/**
 * Starts loading the renderer (its chunk, resvg's wasm compile, the fonts) in the background, for a job that will
 * probably draw a chart: the cold cost then overlaps the wait for ChatDash instead of adding to it. Never throws;
 * the job still awaits the renderer when it draws, and a failure here just happens again there.
 */
export function prepareCharts(deps: WorkerDeps, place: ChartPlace): void {
  const options = deps.charts ?? {};
  if (!drawsCharts(place) || options.enabled === false || options.render || missingScope.has(deps.slackFiles ?? deps.slack)) return;
  import('../charts/render.ts').then((renderer) => renderer.warmUp()).catch(() => {});
}

/** Draws and uploads each chart; resolves with the ones Slack has ready to show (maybe none). Never throws. */
export async function chartImages(specs: readonly ChartSpec[], deps: WorkerDeps, context: LogFields): Promise<ImageRef[]> {
  const options = deps.charts ?? {};
  if (specs.length === 0 || options.enabled === false) return [];
  const files = deps.slackFiles ?? deps.slack;
  if (missingScope.has(files)) {
    deps.log('info', 'chart.skipped', { ...context, reason: 'missing_scope' });
    return [];
  }
  if ((limitedUntil.get(files) ?? 0) > Date.now()) {
    deps.log('info', 'chart.skipped', { ...context, reason: 'rate_limited' });
    return [];
  }
  const images: ImageRef[] = [];
  for (const spec of specs) {
    const started = performance.now();
    let stage = 'render';
    try {
      const rendered = await (options.render ?? renderWithECharts)(spec);
      stage = 'upload';
      const fileId = await uploadChartFile(
        files,
        { filename: `chatdash-${spec.kind}.png`, png: rendered.png, title: spec.title, altText: unescapeMrkdwn(spec.altText) },
        options,
      );
      images.push({ fileId, altText: spec.altText, title: spec.title });
      deps.log('info', 'chart.delivered', {
        ...context,
        chart: spec.kind,
        bytes: rendered.png.byteLength,
        ...(rendered.ms ? { svgMs: Math.round(rendered.ms.svg), rasterMs: Math.round(rendered.ms.raster) } : {}),
        ms: Math.round(performance.now() - started),
      });
    } catch (error) {
      const reason = error instanceof ChartUploadError ? error.reason : `${stage}_failed`;
      deps.log('warn', 'chart.failed', {
        ...context,
        chart: spec.kind,
        reason,
        ...(error instanceof ChartUploadError && error.detail ? { detail: error.detail } : {}),
        ...errorFields(error),
        fallback: 'text sparkline',
      });
      if (reason === 'missing_scope') {
        missingScope.add(files);
        break;
      }
      if (error instanceof ChartUploadError && error.reason === 'rate_limited') {
        limitedUntil.set(files, Date.now() + (error.retryAfterSeconds ?? 60) * 1000);
        break;
      }
    }
  }
  return images;
}

/** Slack refused the message because of its image blocks (or, for response_url, refused it outright with 4xx). */
export function isImageRejection(error: unknown): boolean {
  if (error instanceof ResponseUrlError) return error.status !== undefined && error.status >= 400 && error.status < 500;
  return slackErrorCode(error) === 'invalid_blocks';
}

/** A message that may show chart images, and the same message without them (its text sparkline). */
export interface ChartedMessage {
  withImages: SlackMessage;
  hasImages: boolean;
  plain: () => SlackMessage;
}

/** A message that never has images (the agency overview, a list): sent as it is. */
export function textOnly(message: SlackMessage): ChartedMessage {
  return { withImages: message, hasImages: false, plain: () => message };
}

/**
 * Draws and uploads `specs` (see `chartImages`), then renders the message with the images Slack has ready;
 * `render([])` is the message without any. Never throws.
 */
export async function withChartImages(
  specs: readonly ChartSpec[],
  deps: WorkerDeps,
  context: LogFields,
  render: (images: readonly ImageRef[]) => SlackMessage,
): Promise<ChartedMessage> {
  const images = await chartImages(specs, deps, context);
  return { withImages: render(images), hasImages: images.length > 0, plain: () => render([]) };
}

/**
 * Sends `withImages`; when it carries images and Slack refuses them, logs why and sends `plain()` (the same
 * message with its text sparkline) instead, so a chart never costs the message.
 */
export async function sendWithImageFallback<T>(
  deps: WorkerDeps,
  context: LogFields,
  message: ChartedMessage,
  send: (message: SlackMessage) => Promise<T>,
): Promise<T> {
  if (!message.hasImages) return send(message.withImages);
  try {
    return await send(message.withImages);
  } catch (error) {
    if (!isImageRejection(error)) throw error;
    deps.log('warn', 'chart.rejected', { ...context, ...errorFields(error), error: slackErrorCode(error), fallback: 'text sparkline' });
    return send(message.plain());
  }
}
