/**
 * moto_server for tests (started by src/aws/moto.ts, which the bench uses too). A suite that needs it is
 * `describe.skipIf(!motoAvailable)(…)` and calls `useMoto()` inside; where moto_server is not installed,
 * `motoAvailable` is false and those suites skip with a loud notice (never silently).
 */
import { isMotoInstalled, type Moto, startMoto } from '../../src/aws/moto.ts';
import { useService } from './late.ts';

export { type Moto, startMoto } from '../../src/aws/moto.ts';

export const motoAvailable = isMotoInstalled();

if (!motoAvailable) {
  process.stderr.write(
    '\n!!! moto_server is not installed: tests that need a local AWS endpoint (SQS, DynamoDB, Secrets Manager) are SKIPPED !!!\n\n',
  );
}

/**
 * moto_server for this suite: started in beforeAll, stopped in afterAll. With `processEnv`, its `env` is also put in
 * `process.env` for the suite (for SDK clients that read credentials from there, like Powertools'), then restored.
 */
export function useMoto(options: { processEnv?: boolean } = {}): Moto {
  const saved: Record<string, string | undefined> = {};
  return useService('moto_server', {
    async start() {
      const moto = await startMoto();
      if (options.processEnv) {
        for (const [key, value] of Object.entries(moto.env)) {
          saved[key] = process.env[key];
          process.env[key] = value;
        }
      }
      return moto;
    },
    async stop(moto) {
      for (const [key, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
      await moto.stop();
    },
  });
}
