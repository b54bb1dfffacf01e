import { z } from 'zod';
import { MonthSchema } from '@qf/contracts';
import { FlowDefinitionSchema, PolicySchema } from '@qf/policy';

/**
 * Request bodies the controllers check by hand (flow and policy drafts) or with a schema of their own file: the same
 * rules as zod schemas, for the OpenAPI document only.
 */
const Label = z.string().max(60).nullable().optional();
const Description = z.string().max(500).nullable().optional();

/** POST /api/flows: a new draft of a process kind's flow (the next version). */
export const FlowDraftBodySchema = z.object({
  kind: z.string().min(1),
  stages: FlowDefinitionSchema.shape.stages,
  label: Label,
  description: Description,
});
/** PUT /api/flows/{id}: the draft's stages, name and description. */
export const FlowDraftUpdateBodySchema = FlowDraftBodySchema.omit({ kind: true });

/** POST /api/policies, PUT /api/policies/{id}: a policy draft (every number of RULES.md) and its effective date. */
export const PolicyDraftBodySchema = z.object({
  body: PolicySchema,
  effectiveFrom: z.iso.date().nullable().optional(),
  label: Label,
  description: Description,
});

/** POST /api/settlements: the month to close. */
export const StartSettlementBodySchema = z.object({ month: MonthSchema });

/** multipart/form-data uploads: a spreadsheet (xlsx or csv) as field `file`. */
export const UploadBodySchema = z.object({
  file: z.string().meta({ format: 'binary', description: 'the spreadsheet (xlsx or csv)' }),
});
export const WorkOrderUploadBodySchema = UploadBodySchema.extend({
  importId: z.uuid().optional().meta({ description: 'client-chosen id to poll GET /api/imports/{id} with' }),
});
