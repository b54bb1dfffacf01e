import { useTranslate } from 'react-admin';

export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (v: unknown): v is string => typeof v === 'string' && UUID_RE.test(v);

/**
 * Labels of a case's codes through the catalogue (qf.case_ui.*): stage keys (by process kind), outcomes, task
 * decisions and audit events. An unknown code falls back to the given label (e.g. the task's stageLabel from the
 * flow), never silently to a Chinese-looking guess; a code without any label shows as is (the text-hygiene test
 * catches it).
 */
/** A stage of a process: the place a decision was taken (see `decision`). */
export interface Where {
  kind?: string | null;
  stage?: string | null;
}

export const useCaseLabels = () => {
  const translate = useTranslate();
  const stage = (kind: string | null | undefined, key: string | null | undefined, fallback?: string | null): string => {
    if (!key) return fallback ?? '—';
    const generic = translate(`qf.case_ui.stage.any.${key}`, { _: fallback ?? key });
    return kind ? translate(`qf.case_ui.stage.${kind}.${key}`, { _: fallback ?? generic }) : (fallback ?? generic);
  };
  // what a decision or a stage's outcome means at one stage of one process (a complaint's appeal window: "reject" is
  // 提出申诉), before the generic word (驳回)
  const at = (what: 'decision_at' | 'outcome_at', key: string, where: Where | undefined, generic: string): string =>
    where?.kind && where.stage
      ? translate(`qf.case_ui.${what}.${where.kind}.${where.stage}.${key}`, { _: generic })
      : generic;
  const outcome = (key: string | null | undefined, where?: Where) =>
    key ? at('outcome_at', key, where, translate(`qf.case_ui.outcome.${key}`, { _: key })) : '—';
  const decision = (key: string | null | undefined, where?: Where) =>
    key
      ? at(
          'decision_at',
          key,
          where,
          translate(`qf.case_ui.decision.${key}`, { _: translate(`qf.actions.${key}`, { _: key }) }),
        )
      : '—';
  const event = (action: string, where?: Where) => {
    const m = /^case\.(.+)$/.exec(action);
    const fb = m ? translate(`qf.case_ui.outcome.${m[1]}`, { _: action }) : action;
    const generic = translate(`qf.case_ui.event.${action}`, { _: fb });
    const task = /^task\.(.+)$/.exec(action);
    return task ? at('decision_at', task[1], where, generic) : generic;
  };
  const role = (key: string | null | undefined) => (key ? translate(`qf.roles.${key}`, { _: key }) : '—');
  return { stage, outcome, decision, event, role };
};

/**
 * The case's business key as people know it, or null when it is internal: a complaint's 工单号, a month or a year;
 * never a key with an id or a code word in it (e.g. "hotline-work-order-…", "2026-<employee id>").
 */
export const displayKey = (c: {
  kind: string;
  businessKey: string;
  data?: Record<string, unknown> | null;
}): string | null => {
  if (c.kind === 'complaint') {
    const wo = (c.data?.complaint as { workOrderNo?: unknown } | undefined)?.workOrderNo;
    return typeof wo === 'string' && wo ? wo : null;
  }
  return /^[0-9][0-9 :._-]*$/.test(c.businessKey) ? c.businessKey : null;
};
