/**
 * Operators hear of each failure once: the error lines the real http, worker and dead-letter functions write are
 * evaluated against the CloudWatch Logs metric filters serverless.yml puts on their log groups (as CloudWatch matches
 * them). Each error line counts in exactly one alarmed metric; a dead job's report counts in none, as DeadLettersAlarm
 * already counts every dead job, while the dead-letter function's own failures (a record or a post that failed) do.
 * Lines an alarm of their own counts are marked (`"alarm": "<name>"`): every kind of dead job is reported with it.
 * A schedule tick that fails notifies once, from ScheduleErrorsAlarm (it throws): its lines count in no metric.
 */
import { describe, expect, it } from 'vitest';
import { createDeadLetterHandler } from '../../src/deadletter/handler.ts';
import type { JobQueue } from '../../src/jobs/queue.ts';
import type { Job } from '../../src/jobs/schema.ts';
import { createScheduleHandler } from '../../src/schedule/handler.ts';
import { createHttpHandler } from '../../src/slack/http-handler.ts';
import { slashCommandEvent } from '../../src/slack-double/requests.ts';
import { createMemoryAlertStores } from '../../src/store/alerts-memory.ts';
import { createMemoryStore } from '../../src/store/memory.ts';
import { userActor } from '../../src/store/store.ts';
import { subscriptionItem } from '../../src/store/subscription-item.ts';
import { createdSubscription } from '../../src/store/transitions.ts';
import { makeAlert } from '../support/alert-input.ts';
import { useBot } from '../support/bot.ts';
import type { LogLine } from '../support/log.ts';
import { recordingLog } from '../support/log.ts';
import { filterMatches } from '../support/metric-filter.ts';
import { digestJob, requester, sendNowJob, sqsEvent, statsJob } from '../support/payloads.ts';
import { SECRETS } from '../support/secrets.ts';
import { stack } from '../support/serverless-yml.ts';
import { subscriptionSettings } from '../support/subscriptions.ts';

const resources = stack.resources.Resources;
const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The metric filters on a log group whose metric an alarm notifies the topic about, by logical id. */
function alarmedFiltersOf(logGroup: string): Array<{ id: string; pattern: string }> {
  const alarmed = Object.values(resources)
    .filter((r) => r.Type === 'AWS::CloudWatch::Alarm' && sameJson(r.Properties.AlarmActions, [{ Ref: 'AlarmTopic' }]))
    .map((r) => `${String(r.Properties.Namespace)} ${String(r.Properties.MetricName)}`);
  return Object.entries(resources)
    .filter(([, r]) => r.Type === 'AWS::Logs::MetricFilter' && sameJson(r.Properties.LogGroupName, { Ref: logGroup }))
    .filter(([, r]) =>
      (r.Properties.MetricTransformations as Array<{ MetricNamespace: string; MetricName: string }>).some((m) =>
        alarmed.includes(`${m.MetricNamespace} ${m.MetricName}`),
      ),
    )
    .map(([id, r]) => ({ id, pattern: String(r.Properties.FilterPattern) }));
}

/** Each error line written (as JSON), with the alarmed filters of `logGroup` that count it. */
function countedBy(lines: readonly string[], logGroup: string): Array<{ event: string; filters: string[] }> {
  const filters = alarmedFiltersOf(logGroup);
  return lines
    .filter((line) => (JSON.parse(line) as LogLine).level === 'error')
    .map((line) => ({
      event: (JSON.parse(line) as LogLine).event,
      filters: filters.filter((f) => filterMatches(f.pattern, line)).map((f) => f.id),
    }));
}

describe('error log lines and their alarms, as the real functions write them', () => {
  const bot = useBot();

  it('http: an unreadable secret, a job it could not queue, and unreadable bindings each count once', async () => {
    const refusing: JobQueue = {
      send: async () => Promise.reject(new Error('queue unreachable')),
      sendAll: async () => Promise.reject(new Error('queue unreachable')),
    };
    const broken = createHttpHandler({
      config: bot.config,
      env: bot.env,
      queue: refusing,
      bindings: { bindingsOf: async () => Promise.reject(new Error('table unreachable')) },
      store: bot.store,
      secrets: async () => SECRETS,
      log: bot.log,
    });
    const noSecret = createHttpHandler({
      config: bot.config,
      env: bot.env,
      secrets: async () => Promise.reject(new Error('AccessDeniedException')),
      log: bot.log,
    });
    const command = (text: string) => slashCommandEvent({ text, response_url: bot.slack.responseUrl() });
    expect(await noSecret(command('stats acme'), undefined as never)).toMatchObject({ statusCode: 503 });
    // In #acme (bound by the configuration): the job can't be queued.
    expect(await broken(command('stats acme'), undefined as never)).toMatchObject({ statusCode: 200 });

    expect(countedBy(bot.lines, 'HttpLogGroup')).toEqual([
      { event: 'http.init_failed', filters: ['HttpErrorLogsMetric'] },
      { event: 'access.bindings_unavailable', filters: ['HttpBindingsUnavailableMetric'] },
      { event: 'queue.send_failed', filters: ['HttpErrorLogsMetric'] },
    ]);
    // Warnings count nowhere.
    expect(countedBy([JSON.stringify({ level: 'warn', event: 'http.bad_request' })], 'HttpLogGroup')).toEqual([]);
  });

  it('worker: a YAML digest Slack refuses, and a Send now whose channel’s bindings are unreadable, each count once', async () => {
    bot.slack.setChannel('C0ACME', 'not_in_channel');
    const worker = await bot.worker();
    expect((await worker(sqsEvent(digestJob('acme-weekly', '2026-11-23T08:00:00.000Z')))).batchItemFailures).toEqual([]);
    bot.slack.setChannel('C0ACME', 'ok');
    const unreadable = await bot.worker({
      deps: await bot.deps({ store: { ...bot.store, bindingsOf: async () => Promise.reject(new Error('table unreachable')) } }),
    });
    const click = sendNowJob('acme-weekly', 'send:unreadable', 1_000, { source: 'config', responseUrl: bot.slack.responseUrl() });
    expect((await unreadable(sqsEvent(click))).batchItemFailures).toEqual([]);
    expect(countedBy(bot.lines, 'WorkerLogGroup')).toEqual([
      { event: 'digest.undeliverable', filters: ['WorkerErrorLogsMetric'] },
      { event: 'access.bindings_unavailable', filters: ['WorkerBindingsUnavailableMetric'] },
    ]);
  });

  it('deadletter: a dead job’s report counts in no error metric (DeadLettersAlarm counts it); a report that fails does', async () => {
    const deadLetters = resources.DeadLettersAlarm!.Properties;
    expect(deadLetters).toMatchObject({
      Namespace: 'AWS/SQS',
      MetricName: 'NumberOfMessagesReceived',
      AlarmActions: [{ Ref: 'AlarmTopic' }],
    });
    expect(deadLetters.Dimensions).toEqual([{ Name: 'QueueName', Value: { GetAtt: 'JobsDeadLetterQueue.QueueName' } }]);

    const reported = createDeadLetterHandler({ config: bot.config, deps: await bot.deps(), log: bot.log });
    // A stats job whose asker can't be told (its response_url expired): the admins are, instead.
    bot.slack.fail('response_url', { error: 'internal_error', httpStatus: 500 });
    const stats = statsJob('stats:dead', bot.slack.responseUrl('dead'));
    const dead = sqsEvent(digestJob('acme-weekly', '2026-11-23T08:00:00.000Z'), '{"not":"a job"}', JSON.stringify(stats));
    expect((await reported(dead)).batchItemFailures).toEqual([]);
    const reports = countedBy(bot.lines, 'DeadletterLogGroup');
    expect(reports.map((r) => r.event)).toEqual(
      expect.arrayContaining(['deadletter.job', 'deadletter.digest', 'deadletter.invalid_job', 'deadletter.asker_unreachable']),
    );
    expect(reports.filter((r) => r.filters.length > 0)).toEqual([]);

    // The admin channel refuses the report, and the digest's failure can't be recorded: both count.
    bot.lines.length = 0;
    bot.slack.setChannel('C0ADMIN', 'not_in_channel');
    const failing = createDeadLetterHandler({
      config: bot.config,
      deps: await bot.deps({
        store: { ...bot.store, recordDelivery: async () => Promise.reject(new Error('table unreachable')) },
      }),
      log: bot.log,
    });
    expect((await failing(sqsEvent(digestJob('acme-weekly', '2026-11-23T08:00:00.000Z')))).batchItemFailures).toEqual([]);
    const failures = countedBy(bot.lines, 'DeadletterLogGroup').filter((r) => r.filters.length > 0);
    expect(failures).toEqual([
      { event: 'alert.post_failed', filters: ['DeadletterErrorLogsMetric'] },
      { event: 'deadletter.record_failed', filters: ['DeadletterErrorLogsMetric'] },
    ]);
  });

  // One of each kind (tsc fails here when a job kind is added without one), as the dead-letter queue hands them over.
  const deadJobs = (responseUrl: string): Record<Job['kind'], Job> => ({
    stats: statsJob('stats:guard', responseUrl),
    drilldown: {
      kind: 'drilldown',
      idempotencyKey: 'event:guard',
      requester: requester(),
      view: 'costs',
      threadTs: '1732550000.000100',
      responseUrl,
    },
    digest: digestJob('acme-weekly', '2026-11-23T08:00:00.000Z'),
    send_now: sendNowJob('acme-weekly', 'send:guard', 1_000, { source: 'config', responseUrl }),
    overview: {
      kind: 'overview',
      idempotencyKey: 'overview:guard',
      requester: requester(),
      request: { part: 'command', rangeText: '', responseUrl, requestedAt: new Date().toISOString() },
    },
    alert_check: {
      kind: 'alert_check',
      idempotencyKey: 'alert_check:acme:guard',
      project: 'acme',
      frequency: 'hourly',
      timeZone: 'Europe/Paris',
      window: { start: '2026-11-17T10:00:00.000Z', end: '2026-11-17T11:00:00.000Z' },
      alertIds: ['al_guard'],
      queuedAt: '2026-11-17T11:10:00.000Z',
    },
  });

  it.each([
    ['the asker is told', false],
    ['the asker is out of reach', true],
  ])(
    'deadletter guard: every kind of dead job (and an unreadable one) is reported with the DeadLetters marker only (%s)',
    async (_, unreachable) => {
      if (unreachable) {
        bot.slack.fail('response_url', { error: 'internal_error', httpStatus: 500 });
        bot.slack.fail('chat.postEphemeral', { error: 'channel_not_found' });
      }
      const reported = createDeadLetterHandler({ config: bot.config, deps: await bot.deps(), log: bot.log });
      const jobs = Object.values(deadJobs(bot.slack.responseUrl('guard')));
      expect((await reported(sqsEvent(...jobs, '{"kind":'))).batchItemFailures).toEqual([]);
      const errors = bot.entries().filter((l) => l.level === 'error');
      // Each dead job was reported (and the unreadable one), and nothing here failed: every error line is a report.
      expect(errors.filter((l) => l.event === 'deadletter.job')).toHaveLength(jobs.length);
      expect(errors.map((l) => l.event)).toContain('deadletter.invalid_job');
      if (unreachable) expect(errors.map((l) => l.event)).toContain('deadletter.asker_unreachable');
      expect(errors.filter((l) => l.alarm !== 'DeadLetters')).toEqual([]);
      expect(countedBy(bot.lines, 'DeadletterLogGroup').filter((r) => r.filters.length > 0)).toEqual([]);
    },
  );

  it('schedule: a tick that fails (digests and alert checks not queued) counts in no error metric; an error that fails no tick does', async () => {
    // ScheduleErrorsAlarm is the failed tick's one notification: the schedule function's errors (the tick throws) and
    // the ticks Lambda gave up on (sent to the failures queue), one alarm.
    const scheduleErrors = resources.ScheduleErrorsAlarm!.Properties;
    expect(scheduleErrors.AlarmActions).toEqual([{ Ref: 'AlarmTopic' }]);
    expect(JSON.stringify(scheduleErrors.Metrics)).toContain('{"Name":"FunctionName","Value":{"Ref":"ScheduleLambdaFunction"}}');
    expect(JSON.stringify(scheduleErrors.Metrics)).toContain('{"Name":"QueueName","Value":{"GetAtt":"ScheduleFailuresQueue.QueueName"}}');

    const { log, lines } = recordingLog();
    const refusing: JobQueue = {
      send: async () => Promise.reject(new Error('queue unreachable')),
      sendAll: async () => Promise.reject(new Error('queue unreachable')),
    };
    // Monday 23 November 2026, 08:00 UTC: acme-weekly (YAML, 09:00 Paris) is due, and an hourly alert.
    const time = '2026-11-23T08:00:10Z';
    const alerts = createMemoryAlertStores({ log });
    const due = makeAlert({}, { id: 'al_tick', now: new Date('2026-11-23T06:00:00Z') });
    await alerts.store.create(due.definition, due.state, 'U0ALICE');
    // The alert's claim can't be given back either (its lease runs out instead).
    const store = {
      ...alerts.store,
      claimDue: alerts.store.claimDue.bind(alerts.store),
      saveState: async () => Promise.reject(new Error('table unreachable')),
    };
    const failing = createScheduleHandler({ config: bot.config, env: {}, queue: refusing, alerts: store, log });
    await expect(failing({ time })).rejects.toThrow(
      /1 of 1 digest jobs could not be queued; alert checks could not all be queued \(1 of 1 jobs/,
    );
    // The alerts unreadable: the tick fails too.
    const unreadable = { claimDue: async () => Promise.reject(new Error('table unreachable')) } as unknown as typeof alerts.store;
    const blind = createScheduleHandler({ config: bot.config, env: {}, queue: refusing, alerts: unreadable, log });
    await expect(blind({ time })).rejects.toThrow(/could not be claimed/);
    expect(countedBy(lines, 'ScheduleLogGroup')).toEqual([
      { event: 'alerts.send_failed', filters: [] },
      { event: 'alerts.release_failed', filters: [] },
      { event: 'schedule.send_failed', filters: [] },
      { event: 'schedule.tick_failed', filters: [] },
      { event: 'schedule.alerts_failed', filters: [] },
      { event: 'schedule.send_failed', filters: [] },
      { event: 'schedule.tick_failed', filters: [] },
    ]);
    // The line an operator reads for why.
    expect(lines.map((l) => JSON.parse(l) as LogLine).filter((l) => l.event === 'schedule.tick_failed')[0]).toMatchObject({
      tick: time,
      errorMessage: expect.stringMatching(/^1 of 1 digest jobs could not be queued; alert checks could not all be queued/),
    });

    // A next run that can't be advanced fails no tick (it is queued again next tick, posted once): that error counts once.
    lines.length = 0;
    const runtime = createMemoryStore({ log });
    const made = createdSubscription(
      subscriptionSettings({ schedule: '0 8 * * *', timeZone: 'UTC' }),
      userActor('U0ALICE'),
      new Date('2026-11-22T09:00:00Z'),
    );
    runtime.putRawItem(subscriptionItem(made));
    const stuck = {
      ...runtime,
      dueSubscriptions: runtime.dueSubscriptions.bind(runtime),
      advanceNextRun: async () => Promise.reject(new Error('table unreachable')),
    };
    const queue: JobQueue = { send: async () => undefined, sendAll: async () => undefined };
    const passing = createScheduleHandler({ config: { ...bot.config, subscriptions: [] }, env: {}, queue, store: stuck, log });
    expect(await passing({ time })).toMatchObject({ due: 1, runtime: 1 });
    expect(countedBy(lines, 'ScheduleLogGroup')).toEqual([{ event: 'schedule.advance_failed', filters: ['ScheduleErrorLogsMetric'] }]);
  });
});
