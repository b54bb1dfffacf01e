import { defineQuery, defineUpdate } from '@temporalio/workflow';
import { ActUpdate, CaseState } from '../workflow';

/**
 * Messages of every case workflow (the stage engine, workflows/src/engine). The api calls them through these
 * objects and the workflows register their handlers on the same objects, so the compiler checks both ends.
 */

/** A human action on one task; answers with the case as it stands after the action (or rejects it: FAILURE). */
export const actUpdate = defineUpdate<CaseState, [ActUpdate]>('act');

/** The case's live state (stage, who it waits on, due date, data). */
export const stateQuery = defineQuery<CaseState>('state');
