import { useQuery } from '@tanstack/react-query';
import { usePermissions, useTranslate } from 'react-admin';
import { CountCard } from '../components/CountCard';
import { API_URL, httpClient } from '../dataProvider';

/** Who is given evaluations (E-2): dispatchers and managers call back, foremen self-evaluate. */
const EVALUATORS = ['dispatcher', 'manager', 'foreman'];

const evaluationsUrl = (filter: Record<string, unknown>) =>
  `/evaluations?filter=${encodeURIComponent(JSON.stringify(filter))}`;

/**
 * 待回访评价: the caller's unanswered evaluations (`GET /evaluations/pending-count`) are their 待办 too; the card
 * opens 回访评价 filtered to them. Nothing for people who are given no evaluations.
 */
export const PendingEvaluationsCard = ({ basis = '200px' }: { basis?: string }) => {
  const translate = useTranslate();
  const { permissions } = usePermissions<string[]>();
  const evaluator = Array.isArray(permissions) && permissions.some((r) => EVALUATORS.includes(r));
  const { data, isPending, error } = useQuery({
    queryKey: ['evaluations', 'pending-count'],
    queryFn: async () =>
      (await httpClient(`${API_URL}/evaluations/pending-count`)).json as { pending: number; overdue: number },
    enabled: evaluator,
  });
  if (!evaluator) return null;
  const value = isPending ? '…' : error || !data ? '—' : data.pending;
  return (
    <CountCard
      basis={basis}
      label={
        data && data.overdue > 0
          ? translate('qf.process_ui.evaluation.pending_card_overdue', { n: data.overdue })
          : translate('qf.process_ui.evaluation.pending_card')
      }
      value={<span data-testid="pending-evaluations-count">{value}</span>}
      color={data && data.overdue > 0 ? 'error.main' : undefined}
      to={evaluationsUrl({ mine: true, pending: true })}
    />
  );
};
