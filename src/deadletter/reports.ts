/**
 * The dead-letter function's reports of scheduled work (loaded on first use): a digest and an alert check that failed
 * every try, told to the admins as people see them (the subscription's project, channel and schedule; the alert check's
 * project, window and alerts), and the digest's failure recorded as its last delivery; a dead Send now's failure
 * recorded too, and its claim given back.
 */
import { alertLabel } from '../alerts/render.ts';
import { escapeMrkdwn } from '../digest/mrkdwn.ts';
import { noun } from '../digest/plural.ts';
import type { AlertCheckJob, DigestJob, SendNowJob } from '../jobs/schema.ts';
import { errorFields } from '../log.ts';
import { type SubscriptionRef, systemActor } from '../store/store.ts';
import { instantInWords, subscriptionInWords } from '../subscriptions/describe.ts';
import type { WorkerDeps } from '../worker/deps.ts';
import { loadSubscription } from '../worker/subscriptions.ts';
import { tellAdminsOfDeadJob } from './dead-job.ts';

/** The subscription a digest or Send now job is about (no source: a YAML one, as in older jobs). */
function subscriptionOf(job: DigestJob | SendNowJob): SubscriptionRef {
  return { source: job.source === 'runtime' ? 'runtime' : 'config', id: job.subscription };
}

/** A digest that failed every try: the admins hear which one (as people see it), and its last delivery says so. */
export async function reportDigest(job: DigestJob, deps: WorkerDeps): Promise<void> {
  const ref = subscriptionOf(job);
  const subscription = await loadSubscription(ref, deps).catch((error: unknown) => {
    deps.log('error', 'deadletter.subscription_unreadable', { subscription: job.subscription, ...errorFields(error) });
    return undefined;
  });
  const what = subscription
    ? subscriptionInWords(subscription, deps.config)
    : `a subscription that no longer exists (id \`${escapeMrkdwn(job.subscription)}\`)`;
  const due = instantInWords(job.scheduledFor, subscription?.timeZone ?? deps.config.defaults.timeZone);
  const byHand = !subscription
    ? 'it was probably deleted meanwhile.'
    : ref.source === 'runtime'
      ? 'its *Send now* button (`/chatdash subscriptions` in its channel, or my Home tab) posts it by hand.'
      : `\`npm run digest -- --subscription ${escapeMrkdwn(job.subscription)}\` posts it by hand.`;
  await tellAdminsOfDeadJob(
    deps,
    'deadletter.digest',
    `A digest failed every try and was not posted: ${what}, due ${due}. Check the worker logs; ${byHand}`,
    { subscription: job.subscription, scheduledFor: job.scheduledFor },
  );
  // Its last delivery shows the failure in the subscription lists.
  await deps.store
    .recordDelivery(
      ref,
      { result: 'failed', at: new Date().toISOString(), reason: 'retries_exhausted', scheduledFor: job.scheduledFor, trigger: job.trigger },
      systemActor('deadletter'),
    )
    .catch((error: unknown) => deps.log('error', 'deadletter.record_failed', errorFields(error)));
}

/**
 * A Send now that failed every try (the person was told): its subscription's last delivery says so, and its claim is
 * given back so that trying again at once posts rather than hear "I posted this a moment ago". Conditional, so a
 * redelivered report changes nothing more: recorded only when no delivery was recorded since the click (one there is
 * this report's, seen before, or a post that did go out; then the claim stays, and runs out within the minute);
 * released only while the claim is still this click's.
 */
export async function settleSendNow(job: SendNowJob, deps: WorkerDeps): Promise<void> {
  const ref = subscriptionOf(job);
  try {
    const recorded = await deps.store.recordDelivery(
      ref,
      { result: 'failed', at: new Date().toISOString(), reason: 'retries_exhausted', scheduledFor: job.requestedAt, trigger: 'send_now' },
      systemActor('deadletter'),
      { onlyIfNoneSince: new Date(job.requestedAt).toISOString() },
    );
    if (recorded) await deps.store.releaseSendNow(ref, job.idempotencyKey);
    else deps.log('info', 'deadletter.send_now_settled_before', { subscription: job.subscription });
  } catch (error) {
    deps.log('error', 'deadletter.record_failed', { subscription: job.subscription, ...errorFields(error) });
  }
}

/** Alerts named in the admins' message about a dead check (the rest are counted). */
const NAMED_ALERTS = 5;

/** An alert check that failed every try: the admins hear which project, window and alerts (their queued notices wait for the next check). */
export async function reportAlertCheck(job: AlertCheckJob, deps: WorkerDeps): Promise<void> {
  const project = deps.config.projects.find((p) => p.key === job.project);
  const name = project ? `*${escapeMrkdwn(project.name)}*` : `\`${escapeMrkdwn(job.project)}\``;
  const alerts =
    (await deps.alerts?.store.getMany(job.alertIds).catch((error: unknown) => {
      deps.log('error', 'deadletter.alerts_unreadable', { project: job.project, ...errorFields(error) });
      return undefined;
    })) ?? [];
  const named = alerts.slice(0, NAMED_ALERTS).map((a) => `*${alertLabel(a.definition)}* in <#${a.definition.channelId}>`);
  const more = job.alertIds.length - named.length;
  const list = named.length > 0 ? `: ${named.join('; ')}${more > 0 ? ` and ${more} more` : ''}` : '';
  const span = job.frequency === 'hourly' ? 'hour' : 'day';
  await tellAdminsOfDeadJob(
    deps,
    'deadletter.alert_check',
    `The check of ${job.alertIds.length} ${noun(job.alertIds.length, 'alert')} on ${name} for the ${span} from ${instantInWords(job.window.start, job.timeZone)} failed every try${list}. An alert it could not check misses that ${span}; a message it could not post goes out with the next check. See the worker logs.`,
    { project: job.project, window: job.window, alerts: job.alertIds.length },
  );
}
