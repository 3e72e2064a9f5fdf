/**
 * moto_server for tests (src/aws/moto.ts). Tests that need it call `startMoto()` in beforeAll; where moto_server is not
 * installed, `motoAvailable` is false and those suites skip with a loud notice (never silently).
 */
import { isMotoInstalled } from '../../src/aws/moto.ts';

export { type Moto, startMoto } from '../../src/aws/moto.ts';

export const motoAvailable = isMotoInstalled();

if (!motoAvailable) {
  process.stderr.write(
    '\n!!! moto_server is not installed: tests that need a local AWS endpoint (SQS, DynamoDB, Secrets Manager) are SKIPPED !!!\n\n',
  );
}
