/** A service work order as the api answers it (K-1, K-2). */
export interface ServiceOrderRecord {
  id: string;
  orderNo: string;
  kind: 'ordinary' | 'vip_fault' | 'vip_activation';
  stage: 'hotline' | 'dispatch' | 'handling' | 'closed';
  unitId: string;
  unitName: string;
  handlerId: string | null;
  handlerName: string | null;
  acceptedAt: string;
  respondedAt: string | null;
  closedAt: string | null;
  respondDueAt: string;
  completeDueAt: string;
  lateRespondAt: string | null;
  lateCompleteAt: string | null;
  late: boolean;
  redispatchCount: number;
  moves?: {
    id: string;
    fromStage: string | null;
    toStage: string;
    actorName: string;
    at: string;
    note: string | null;
  }[];
  tracking?: { line: string; value: string; recordedByName: string | null; recordedAt: string }[];
}

export const ORDER_KINDS = ['ordinary', 'vip_fault', 'vip_activation'] as const;
export const ORDER_STAGES = ['hotline', 'dispatch', 'handling', 'closed'] as const;
export const TRACKING_LINES = ['handler_feedback', 're_complaint', 'callback', 'qa_sampling'] as const;
export const NEXT_STAGE: Record<string, string | null> = {
  hotline: 'dispatch',
  dispatch: 'handling',
  handling: 'closed',
  closed: null,
};

/** A fine per event (K-8). */
export interface FineRecord {
  id: string;
  kind: string;
  employeeName: string;
  leadName: string | null;
  unitName: string | null;
  orderNo: string | null;
  amountFen: number;
  leadFen: number;
  unitScoreDelta: number;
  month: string;
  description: string;
  status: 'pending' | 'approved' | 'returned';
  caseId: string | null;
  registeredByName: string | null;
  createdAt: string;
}
