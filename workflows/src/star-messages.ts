import { defineSignal, defineUpdate } from '@temporalio/workflow';
import {
  CaseState,
  STAR_SIGNAL_AWARD,
  STAR_SIGNAL_COMMITTEE_RESULT,
  STAR_SIGNAL_PHASE,
  STAR_UPDATE_ADVANCE,
  STAR_UPDATE_APPLY,
  STAR_UPDATE_EXAM,
  StarAdvanceUpdate,
  StarApplyUpdate,
  StarAwardSignal,
  StarCommitteeResult,
  StarExamUpdate,
  StarPhase,
  StarPhaseSignal,
} from '@qf/contracts';

/** Messages between the star campaign, its application children and the api. */
export const starApplyUpdate = defineUpdate<{ applicationId: string; created: boolean }, [StarApplyUpdate]>(
  STAR_UPDATE_APPLY,
);
export const starAdvanceUpdate = defineUpdate<{ phase: StarPhase }, [StarAdvanceUpdate]>(STAR_UPDATE_ADVANCE);
export const starExamUpdate = defineUpdate<CaseState, [StarExamUpdate]>(STAR_UPDATE_EXAM);
export const starPhaseSignal = defineSignal<[StarPhaseSignal]>(STAR_SIGNAL_PHASE);
export const starCommitteeResultSignal = defineSignal<[StarCommitteeResult]>(STAR_SIGNAL_COMMITTEE_RESULT);
export const starAwardSignal = defineSignal<[StarAwardSignal]>(STAR_SIGNAL_AWARD);
