/**
 * `npm run dev` reads its tokens from the environment or a `.env` file (gitignored). Node's own parser
 * (`util.parseEnv`, the one behind `node --env-file`) reads the file; a variable already set in the environment
 * wins over the file, as with dotenv and `process.loadEnvFile`.
 */
import { readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';

export interface EnvFile {
  path: string;
  /** False when there is no such file (not an error: the environment may have everything). */
  found: boolean;
  /** The variables the file sets (empty values left out). */
  values: Record<string, string>;
}

export function readEnvFile(path: string): EnvFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { path, found: false, values: {} };
    throw error;
  }
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(parseEnv(text))) if (value !== undefined && value !== '') values[key] = value;
  return { path, found: true, values };
}

/** The environment `npm run dev` runs with: the file's variables under the real environment's. */
export function withEnvFile(env: NodeJS.ProcessEnv, file: EnvFile): NodeJS.ProcessEnv {
  const merged: NodeJS.ProcessEnv = { ...file.values };
  for (const [key, value] of Object.entries(env)) if (value !== undefined && value !== '') merged[key] = value;
  return merged;
}
