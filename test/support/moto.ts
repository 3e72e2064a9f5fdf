/**
 * A local AWS-compatible endpoint (moto_server) on 127.0.0.1 for SQS, DynamoDB and Secrets Manager tests (the
 * implementation is shared with `npm run bench`: src/bench/moto.ts). Tests that need it call `startMoto()` in
 * beforeAll; where moto_server is not installed, `motoAvailable` is false and those suites skip with a loud notice
 * (never silently).
 */
import { motoAvailable } from '../../src/bench/moto.ts';

export { type Moto, motoAvailable, startMoto } from '../../src/bench/moto.ts';

if (!motoAvailable) {
  process.stderr.write(
    '\n!!! moto_server is not installed: tests that need a local AWS endpoint (SQS, DynamoDB, Secrets Manager) are SKIPPED !!!\n\n',
  );
}
