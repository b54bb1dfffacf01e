import { ROLES } from '@qf/contracts/common';
import { CASE_KINDS } from '@qf/contracts/cases';
import { SEVERITIES } from '@qf/contracts/complaints';

/** Choice lists; names are translation keys (react-admin translates choices by default). */
export const keyed = (values: readonly string[], prefix: string) =>
  values.map((id) => ({ id, name: `${prefix}.${id}` }));

export const COMPLAINT_SOURCES = [
  'hotline-work-order',
  'escalated-order',
  'regulator',
  'internal-audit',
  'employee-report',
] as const;
export const VERDICTS = ['liable', 'valid-not-liable', 'unfounded'] as const;
export const CAUSES = ['execution', 'control', 'other'] as const;
export const PERSON_ROLES = ['responsible', 'supervisor', 'vp', 'related-lead', 'handler'] as const;
export const EMPLOYMENT_TYPES = ['staff', 'temporary', 'outsourced'] as const;
export const UNIT_KINDS = ['company', 'branch', 'centre', 'hall', 'team'] as const;

export const roleChoices = keyed(ROLES, 'qf.roles');
export const kindChoices = keyed(CASE_KINDS, 'qf.kind');
export const caseStatusChoices = keyed(['open', 'closed', 'cancelled'], 'qf.case_status');
export const taskStatusChoices = keyed(['open', 'done', 'cancelled'], 'qf.task_status');
export const sourceChoices = keyed(COMPLAINT_SOURCES, 'qf.complaint.source');
export const verdictChoices = keyed(VERDICTS, 'qf.complaint.verdict');
export const severityChoices = keyed(SEVERITIES, 'qf.complaint.severity');
export const causeChoices = keyed(CAUSES, 'qf.complaint.cause');
export const personRoleChoices = keyed(PERSON_ROLES, 'qf.complaint.person_role');
export const employmentTypeChoices = keyed(EMPLOYMENT_TYPES, 'qf.employment_type');
export const unitKindChoices = keyed(UNIT_KINDS, 'qf.unit_kind');
export const escalationLevelChoices = [0, 1, 2, 3].map((id) => ({ id, name: String(id) }));
/** Flow and policy versions: draft → published (immutable). */
export const versionStatusChoices = keyed(['draft', 'published'], 'qf.version_status');
