import {
  ActivityInterfaceFor,
  ActivityOptions,
  LocalActivityOptions,
  proxyActivities,
  proxyLocalActivities,
} from '@temporalio/workflow';
import { FAILURE } from '@qf/contracts';

/**
 * The one activity-options preset of every workflow: activities retry with backoff until they succeed, except on a
 * QualityFlow failure (FAILURE: a refused input or a state conflict), which no retry can fix. Only how long an
 * attempt may run (and how fast retries back off) differs, by the weight of the work.
 */
const PRESETS = {
  // short: these are single-row DB writes, and a worker that dies mid-activity is only noticed at this timeout
  write: { startToCloseTimeout: '10 seconds', initialInterval: '1 second', maximumInterval: '30 seconds' },
  // a few statements over every star holder of a month
  review: { startToCloseTimeout: '30 seconds', initialInterval: '1 second', maximumInterval: '30 seconds' },
  // a busy day is a few thousand rows in one transaction; the assignment is idempotent by date, so a retry is safe
  batch: { startToCloseTimeout: '5 minutes', initialInterval: '1 second', maximumInterval: '1 minute' },
  // the month's settlement: set-based over every employee and ledger row of the month
  settlement: { startToCloseTimeout: '10 minutes', initialInterval: '2 seconds', maximumInterval: '1 minute' },
} as const satisfies Record<string, { startToCloseTimeout: string; initialInterval: string; maximumInterval: string }>;

export type ActivityPreset = keyof typeof PRESETS;

/** The activity options of a preset (also for a single call's override with `executeWithOptions`). */
export function activityOptions(preset: ActivityPreset = 'write'): ActivityOptions {
  const p = PRESETS[preset];
  return {
    startToCloseTimeout: p.startToCloseTimeout,
    retry: {
      initialInterval: p.initialInterval,
      maximumInterval: p.maximumInterval,
      nonRetryableErrorTypes: Object.values(FAILURE),
    },
  };
}

/** Workflow-side proxies of the activities `A` with a preset's options. */
export function activities<A>(preset: ActivityPreset = 'write'): ActivityInterfaceFor<A> {
  return proxyActivities<A>(activityOptions(preset));
}

/**
 * Workflow-side proxies of `A` as local activities: run by the worker inside the workflow task that asks for them, so a
 * short database write costs no round trips through the Temporal server (two per activity task) and a chain of them —
 * an action's record, the next stage's tasks, the case's read model — completes in one workflow task (issue 18).
 * Same retry and timeout as the preset; a retry waits in the worker up to a minute, then as a timer.
 */
export function localActivities<A>(preset: ActivityPreset = 'write'): ActivityInterfaceFor<A> {
  const o = activityOptions(preset);
  const local: LocalActivityOptions = { startToCloseTimeout: o.startToCloseTimeout, retry: o.retry };
  return proxyLocalActivities<A>(local);
}
