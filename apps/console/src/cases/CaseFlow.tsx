import { useLocaleState, useTranslate } from 'react-admin';
import type { CaseDetail, TaskView } from '@qf/contracts/cases';
import { formatDateTime } from '../components/format';
import { FlowDiagram, type StageProgress } from '../flows/FlowDiagram';
import { useCaseLabels } from './labels';

type Rec = Record<string, unknown>;
/** The case detail carries the flow version it pinned (GET /cases/:id, issue 17). */
export type CaseWithFlow = CaseDetail & { flow?: { stages?: Rec[] } | null };

const MAX_LINES = 4;

/**
 * Where the case stands at each stage of its pinned flow, from its tasks: done (who — 姓名（工号） — decided what,
 * and when), current (the open tasks' assignees and the due time), not reached, or passed by (the case ended, or
 * went on, without it).
 */
export function useCaseProgress(record: CaseWithFlow): Record<string, StageProgress> {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const labels = useCaseLabels();
  const stages = record.flow?.stages ?? [];
  const keys = stages.map((s) => String(s.key ?? ''));
  const open = record.status === 'open';
  const currentIndex = open && record.stage ? keys.indexOf(record.stage) : -1;
  const who = (t: TaskView) => t.assigneeName ?? t.claimedByName ?? labels.role(t.assigneeRole);
  const progress: Record<string, StageProgress> = {};
  keys.forEach((key, i) => {
    const tasks = record.tasks.filter((t) => t.stage === key);
    const done = tasks
      .filter((t) => t.status === 'done')
      .sort((a, b) => String(a.decidedAt ?? '').localeCompare(String(b.decidedAt ?? '')));
    const decided = done.map((t) =>
      translate('qf.flow_diagram.decided', {
        who: t.decidedByName ?? who(t),
        decision: labels.decision(t.decision, { kind: record.kind, stage: t.stage }),
        at: formatDateTime(t.decidedAt, locale),
      }),
    );
    if (i === currentIndex) {
      const waiting = tasks.filter((t) => t.status === 'open');
      const due = waiting.map((t) => t.dueAt).find(Boolean) ?? record.dueAt;
      const lines = [
        translate('qf.flow_diagram.waiting_on', {
          who: [...new Set(waiting.map(who))].join('、') || translate('qf.flow_diagram.nobody'),
        }),
        translate('qf.flow_diagram.due', {
          at: due ? formatDateTime(due, locale) : translate('qf.flow.d.no_deadline'),
        }),
        ...decided.slice(-(MAX_LINES - 2)),
      ];
      progress[key] = { state: 'current', lines };
      return;
    }
    if (done.length) {
      const lines =
        decided.length > MAX_LINES
          ? [
              ...decided.slice(-(MAX_LINES - 1)),
              translate('qf.flow_diagram.more', { n: decided.length - MAX_LINES + 1 }),
            ]
          : decided;
      progress[key] = { state: 'done', lines };
      return;
    }
    const passed = !open || (currentIndex >= 0 && i < currentIndex);
    progress[key] = {
      state: passed ? 'skipped' : 'pending',
      lines: [translate(passed ? 'qf.flow_diagram.passed_by' : 'qf.flow_diagram.not_reached')],
    };
  });
  return progress;
}

/** The case page's 流程图: the pinned flow version drawn by the flow editor's diagram, with the case's progress. */
export const CaseFlow = ({ record }: { record: CaseWithFlow }) => {
  const progress = useCaseProgress(record);
  if (!record.flow?.stages?.length) return null;
  return (
    <FlowDiagram stages={record.flow.stages} kind={record.kind} progress={progress} closed={record.status !== 'open'} />
  );
};
