import { defineSignal, defineUpdate } from '@temporalio/workflow';
import { CaseState } from '../workflow';
import {
  StarAdvanceUpdate,
  StarApplyUpdate,
  StarAwardSignal,
  StarCommitteeResult,
  StarExamUpdate,
  StarPhase,
  StarPhaseSignal,
} from '../stars';

/** Messages between the star campaign (starCampaign), its application children (starApplication) and the api. */

/** S-1, S-2…S-4: an application to the campaign; answers with the application's case (created or the existing one). */
export const starApplyUpdate = defineUpdate<{ applicationId: string; created: boolean }, [StarApplyUpdate]>(
  'starApply',
);
/** S-1: the admin ends the current phase early; answers once the next phase is written to the read model. */
export const starAdvanceUpdate = defineUpdate<{ phase: StarPhase }, [StarAdvanceUpdate]>('starAdvance');
/** S-5: answers once the campaign has taken its headcount snapshot and saved the quotas. */
export const starCampaignOpenedUpdate = defineUpdate<{ headcount: number; quotas: Record<'1' | '2' | '3', number> }>(
  'starCampaignOpened',
);
/** S-7: one exam score of an application; answers with the application's case state. */
export const starExamUpdate = defineUpdate<CaseState, [StarExamUpdate]>('starExam');
/** the campaign's phase, told to each application */
export const starPhaseSignal = defineSignal<[StarPhaseSignal]>('starPhase');
/** S-8: an application's committee result, told to the campaign */
export const starCommitteeResultSignal = defineSignal<[StarCommitteeResult]>('starCommitteeResult');
/** S-8, S-9: the campaign's award decision, told to each application */
export const starAwardSignal = defineSignal<[StarAwardSignal]>('starAward');
