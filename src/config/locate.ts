/**
 * Map a data path (`['subscriptions', 0, 'schedule']`) to a line and column in the YAML source, so configuration
 * errors can point at the offending text. Pure.
 */
import { type Document, isMap, isPair, isScalar, isSeq, type LineCounter, type Node } from 'yaml';

export type DataPath = ReadonlyArray<string | number>;

export interface Position {
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
}

/** `subscriptions[0].schedule`; the root is `(root)`. */
export function formatPath(path: DataPath): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out === '' ? '(root)' : out;
}

function keyMatches(key: unknown, segment: string | number): boolean {
  const value = isScalar(key) ? key.value : key;
  return String(value) === String(segment);
}

function startOf(node: unknown): number | undefined {
  if (node && typeof node === 'object' && 'range' in node) {
    const range = (node as Node).range;
    if (Array.isArray(range)) return range[0];
  }
  return undefined;
}

/**
 * Offset of the node at `path`: its value, or with `at: 'key'` the key naming it (for unknown keys). When the path
 * does not exist (a missing field), the nearest existing parent: the key of the last pair found, else the
 * containing collection.
 */
export function locateOffset(doc: Document, path: DataPath, at: 'value' | 'key' = 'value'): number {
  let node: unknown = doc.contents;
  let fallback = startOf(node) ?? 0;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i] as string | number;
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && keyMatches(item.key, segment));
      if (!pair) return fallback;
      const keyStart = startOf(pair.key);
      if (last && at === 'key' && keyStart !== undefined) return keyStart;
      const valueStart = startOf(pair.value);
      if (valueStart === undefined) return keyStart ?? fallback;
      fallback = last ? valueStart : (keyStart ?? valueStart);
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment];
      const itemStart = startOf(item);
      if (itemStart === undefined) return fallback;
      fallback = itemStart;
      node = item;
    } else {
      return fallback;
    }
  }
  return startOf(node) ?? fallback;
}

export function locate(doc: Document, lineCounter: LineCounter, path: DataPath, at: 'value' | 'key' = 'value'): Position {
  const { line, col } = lineCounter.linePos(locateOffset(doc, path, at));
  return { line, column: col };
}
