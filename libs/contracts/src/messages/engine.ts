import { defineQuery, defineUpdate } from '@temporalio/workflow';
import { ActUpdate, CaseState } from '../workflow';

/**
 * Messages of every case workflow (the stage engine, workflows/src/engine). The api calls them through these
 * objects and the workflows register their handlers on the same objects, so the compiler checks both ends.
 */

/** A human action on one task; answers with the case as it stands after the action (or rejects it: FAILURE). */
export const actUpdate = defineUpdate<CaseState, [ActUpdate]>('act');

/**
 * Answers once the case's read model shows its first stage (its tasks exist) or the case is over: the api starts a
 * case with this Update (update-with-start), so its answer names who the case waits on.
 */
export const settledUpdate = defineUpdate<CaseState>('settled');

/** The case's live state (stage, who it waits on, due date, data). */
export const stateQuery = defineQuery<CaseState>('state');
