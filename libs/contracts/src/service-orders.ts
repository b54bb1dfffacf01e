import { z } from 'zod';
import { lazySchema } from './lazy-schema';

/** K-1: service work orders (hotline / customer orders) and K-8 fines per event. */
export const SERVICE_ORDER_KINDS = ['ordinary', 'vip_fault', 'vip_activation'] as const;
export const SERVICE_ORDER_STAGES = ['hotline', 'dispatch', 'handling', 'closed'] as const;
export const TRACKING_LINE_KEYS = ['handler_feedback', 're_complaint', 'callback', 'qa_sampling'] as const;
export const FINE_KINDS = [
  'attitude-complaint',
  'false-work-order',
  'data-entry-error',
  'standards-not-followed',
] as const;

const uuid = (field: string, what: string) => z.string().uuid(`${field} must be ${what}`);
const isoTime = (field: string) =>
  z
    .string()
    .datetime({ offset: true, message: `${field} must be an ISO date-time` })
    .refine((v) => {
      const y = new Date(v).getUTCFullYear();
      return y >= 2000 && y <= 2100;
    }, `${field} must be between the years 2000 and 2100`);
const orderNo = lazySchema(() =>
  z
    .string()
    .trim()
    .min(1, 'orderNo is required')
    .max(64)
    .regex(/^[\w.-]+$/, 'orderNo: letters, digits, - _ .'),
);

/** K-1: an order accepted at the hotline (its handling unit named; deadlines follow from its kind, K-2). */
export const CreateServiceOrderSchema = lazySchema(() =>
  z.object({
    orderNo,
    kind: z.enum(SERVICE_ORDER_KINDS),
    unitId: uuid('unitId', 'a unit id'),
    /** hotline acceptance; default now (an order entered late names when it was accepted) */
    acceptedAt: isoTime('acceptedAt').optional(),
    note: z.string().trim().max(2000).optional(),
  }),
);
export type CreateServiceOrderInput = z.infer<typeof CreateServiceOrderSchema>;

/** K-1: the next move of an order (hotline → dispatch → handling → closed). */
export const MoveServiceOrderSchema = lazySchema(() =>
  z.object({
    to: z.enum(['dispatch', 'handling', 'closed']),
    /** handling: the unit that handles it (default: the order's unit) and its handler */
    unitId: uuid('unitId', 'a unit id').optional(),
    handlerId: uuid('handlerId', 'an employee id').optional(),
    note: z.string().trim().max(2000).optional(),
  }),
);
export type MoveServiceOrderInput = z.infer<typeof MoveServiceOrderSchema>;

/** K-1: one of the order's four tracking lines. */
export const TrackServiceOrderSchema = lazySchema(() =>
  z.object({
    line: z.enum(TRACKING_LINE_KEYS),
    value: z.string().trim().min(1, 'value is required').max(2000),
  }),
);
export type TrackServiceOrderInput = z.infer<typeof TrackServiceOrderSchema>;

/** K-1: one row of an import from the call system (工单号, 类型, 处理单位编码, 受理时间, …). */
export const ServiceOrderImportRowSchema = lazySchema(() =>
  z.object({
    orderNo,
    kind: z.enum(SERVICE_ORDER_KINDS),
    unitCode: z.string().trim().min(1, 'unit code is required').max(64),
    acceptedAt: isoTime('acceptedAt'),
    handlerCode: z.string().trim().max(64).optional(),
    respondedAt: isoTime('respondedAt').optional(),
    closedAt: isoTime('closedAt').optional(),
  }),
);
export type ServiceOrderImportRow = z.infer<typeof ServiceOrderImportRowSchema>;

/** Column titles of the call-system export (Chinese, or the field names); kind cells may be Chinese too. */
export const SERVICE_ORDER_IMPORT_HEADERS: Record<string, keyof ServiceOrderImportRow> = {
  工单号: 'orderNo',
  工单类型: 'kind',
  类型: 'kind',
  处理单位编码: 'unitCode',
  单位编码: 'unitCode',
  受理时间: 'acceptedAt',
  处理人工号: 'handlerCode',
  响应时间: 'respondedAt',
  办结时间: 'closedAt',
  orderNo: 'orderNo',
  kind: 'kind',
  unitCode: 'unitCode',
  acceptedAt: 'acceptedAt',
  handlerCode: 'handlerCode',
  respondedAt: 'respondedAt',
  closedAt: 'closedAt',
};
export const SERVICE_ORDER_KIND_ZH: Record<string, (typeof SERVICE_ORDER_KINDS)[number]> = {
  普通: 'ordinary',
  普通工单: 'ordinary',
  VIP故障: 'vip_fault',
  VIP开通: 'vip_activation',
};

/** K-2: what the dispatcher's re-dispatch task submits (the unit and handler the order goes to; default unchanged). */
export const RedispatchDecisionSchema = lazySchema(() =>
  z.object({
    unitId: uuid('unitId', 'a unit id').optional(),
    handlerId: uuid('handlerId', 'an employee id').optional(),
  }),
);
export type RedispatchDecision = z.infer<typeof RedispatchDecisionSchema>;

/** K-8: a supervisor registers a fine for an event; the person's direct lead approves it. */
export const RegisterFineSchema = lazySchema(() =>
  z.object({
    kind: z.enum(FINE_KINDS),
    employeeId: uuid('employeeId', 'an employee id'),
    /** fen; the range depends on the kind (K-8); standards not followed has fixed amounts */
    amountFen: z.number().int('amountFen must be whole fen').min(0).max(100_000_000).optional(),
    description: z.string().trim().min(1, 'description is required').max(2000),
    orderId: uuid('orderId', 'a service order id').optional(),
  }),
);
export type RegisterFineInput = z.infer<typeof RegisterFineSchema>;

/** The data of a re-dispatch case (kind order-redispatch). */
export interface RedispatchCaseData {
  orderId: string;
  orderNo: string;
  unitId: string;
  unitName: string;
  late: ('respond' | 'complete')[];
  dueAt: string;
}

/** The data of a fine case (kind service-fine): what the lead decides. */
export interface FineCaseData {
  fineId: string;
  kind: (typeof FINE_KINDS)[number];
  employeeId: string;
  employeeName: string;
  leadId: string | null;
  leadName: string | null;
  leadUserId: string | null;
  unitId: string | null;
  unitName: string | null;
  amountFen: number;
  leadFen: number;
  unitScoreDelta: number;
  month: string;
  description: string;
  registeredByName: string;
}

/** Activities of the deadline scan (K-2), the re-dispatch (K-2) and the fine (K-8) workflows. */
export interface ServiceOrderActivities {
  /** K-2: flags every order past a deadline (one UPDATE, committed at once); `now` names the scan's flags */
  flagLateOrders(input: { now?: string }): Promise<{ now: string; flagged: number }>;
  /**
   * K-2: audits one batch of the scan's flags (order numbers after `after`) and registers each late open order's
   * re-dispatch case; returns what to start and where the next batch begins (null: done)
   */
  openRedispatchCases(input: { now: string; after: string }): Promise<{
    redispatch: { caseId: string; workflowId: string; input: unknown }[];
    next: string | null;
  }>;
  completeRedispatch(input: {
    caseId: string;
    orderId: string;
    decision: RedispatchDecision;
    actor: string;
  }): Promise<void>;
  settleFine(input: {
    caseId: string;
    workflowId: string;
    fineId: string;
    approved: boolean;
  }): Promise<{ posted: number }>;
}

// ---------------------------------------------------------------------------------------------- answers (OpenAPI)
export const ServiceOrderResponseSchema = lazySchema(() =>
  z.looseObject({
    id: z.string(),
    orderNo: z.string(),
    kind: z.string(),
    stage: z.string(),
    unitId: z.string(),
    unitName: z.string(),
    handlerName: z.string().nullable(),
    late: z.boolean(),
    redispatchCount: z.number(),
  }),
);
export const ServiceOrderDetailResponseSchema = lazySchema(() =>
  ServiceOrderResponseSchema.extend({
    moves: z.array(z.looseObject({ toStage: z.string(), actorName: z.string() })),
    tracking: z.array(z.looseObject({ line: z.string(), value: z.string() })),
  }),
);
export const ServiceOrderImportResponseSchema = lazySchema(() => z.looseObject({ imported: z.number().int().min(0) }));
export const FineResponseSchema = lazySchema(() =>
  z.looseObject({
    id: z.string(),
    kind: z.string(),
    employeeName: z.string(),
    amountFen: z.number(),
    status: z.string(),
    caseId: z.string().nullable(),
  }),
);

/** K-2: the deadline scan's workflow type and Schedule (one per task queue, so test stacks do not share one). */
export const SERVICE_ORDER_SCAN_WORKFLOW = 'serviceOrderDeadlineScan';
export function serviceOrderScanScheduleId(taskQueue: string): string {
  return taskQueue === 'qualityflow' ? 'qf-service-order-deadline-scan' : `qf-service-order-deadline-scan-${taskQueue}`;
}
