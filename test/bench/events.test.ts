import { describe, expect, it } from 'vitest';
import { answerProblem } from '../../src/bench/events.ts';

describe('answer checks', () => {
  it('accepts a queued-job ack from http and rejects an error notice', () => {
    expect(answerProblem('http', { statusCode: 200, body: '{"text":"Getting the numbers for *Acme*"}' })).toBeUndefined();
    expect(answerProblem('http', { statusCode: 200, body: '{"text":"Sorry, I couldn’t start on that"}' })).toMatch(/unexpected ack/);
    expect(answerProblem('schedule', { due: 0 })).toMatch(/due 0/);
    expect(answerProblem('worker', { batchItemFailures: [{ itemIdentifier: 'x' }] })).toMatch(/batch failures/);
  });
});
