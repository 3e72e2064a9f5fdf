/**
 * The script each cold-start sample runs in a fresh `node` process (plain JavaScript: no TypeScript loader, so
 * the process is as bare as Lambda's). It reads its two events before the clock starts, then times
 * `import()` of the bundle, the first invocation (the cold one) and a second one (warm), with `performance.now()`,
 * and prints one result line after `RESULT_MARKER`.
 */
export const RESULT_MARKER = '@@chatdash-bench ';

export const CHILD_SCRIPT = `import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
const bootMs = performance.now();
const [bundle, eventsFile] = process.argv.slice(2);
const { first, second } = JSON.parse(readFileSync(eventsFile, 'utf8'));
const context = { functionName: 'bench', awsRequestId: 'bench', getRemainingTimeInMillis: () => 30000 };
const t0 = performance.now();
const mod = await import(pathToFileURL(bundle).href);
const t1 = performance.now();
const firstResult = await mod.handler(first, context);
const t2 = performance.now();
const secondResult = await mod.handler(second, context);
const t3 = performance.now();
const result = { bootMs, loadMs: t1 - t0, firstMs: t2 - t0, coldHandlerMs: t2 - t1, warmMs: t3 - t2, first: firstResult, second: secondResult };
process.stdout.write('\\n' + ${JSON.stringify(RESULT_MARKER)} + JSON.stringify(result) + '\\n', () => process.exit(0));
`;
