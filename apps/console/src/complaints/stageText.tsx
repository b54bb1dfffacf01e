import { TextInput } from 'react-admin';
import type { StageActionText } from '../tasks/stageForms';
import type { TaskActionName } from '@qf/contracts/cases';

type Texts = Partial<Record<TaskActionName, StageActionText>>;
const K = 'qf.complaint.action';

/** What each action of the complaint flow's stages does, in the user's words (issue 11: 驳回 must not silently mean "appeal"). */
export const complaintActionText: Record<'verify' | 'rule' | 'appeal' | 'decision', Texts> = {
  verify: {
    approve: { label: `${K}.verify_approve` },
    comment: { label: `${K}.comment`, help: `${K}.comment_help` },
  },
  rule: {
    approve: { label: `${K}.rule_approve` },
    return: {
      label: `${K}.rule_return`,
      comment: `${K}.return_reason`,
      commentRequired: `${K}.return_reason_required`,
      help: `${K}.rule_return_help`,
    },
    comment: { label: `${K}.comment`, help: `${K}.comment_help` },
  },
  appeal: {
    approve: { label: `${K}.appeal_accept`, help: `${K}.appeal_accept_help` },
    reject: {
      label: `${K}.appeal_file`,
      comment: `${K}.appeal_reason`,
      commentRequired: `${K}.appeal_reason_required`,
      help: `${K}.appeal_file_help`,
    },
    comment: { label: `${K}.comment`, help: `${K}.comment_help` },
  },
  decision: {
    approve: { label: `${K}.decide` },
    comment: { label: `${K}.comment`, help: `${K}.comment_help` },
  },
};

export const NoStageInputs = () => null;

export const VerificationEvidenceInput = () => (
  <TextInput source="data.evidence" label="resources.complaints.fields.evidence" multiline minRows={2} fullWidth />
);
