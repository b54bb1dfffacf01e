import { useState } from 'react';
import StarIcon from '@mui/icons-material/EmojiEvents';
import { Alert, Button as MuiButton, Chip, Stack } from '@mui/material';
import { Link, useTranslate } from 'react-admin';
import { messageOf } from '../components/problem';
import { API_URL, httpClient } from '../dataProvider';
import type { RepairStarCase } from './model';

/**
 * E-6 "提交绩效委员会审批": `POST /scores/:month/repair-star` starts the month's repair-star case (one per month); the
 * committee votes on it and, once approved, the 0.5 points go to the ledger in January of the next year. When the case
 * exists the button is replaced by its state and a link to it.
 */
export const RepairStarButton = ({
  month,
  existing,
  onSent,
}: {
  month: string;
  existing: RepairStarCase | null;
  onSent: () => void;
}) => {
  const translate = useTranslate();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  if (existing) {
    const state = existing.status === 'open' ? 'open' : existing.outcome === 'posted' ? 'posted' : 'rejected';
    return (
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mt: 1 }} data-testid="repair-star-case">
        <Chip
          size="small"
          color={state === 'posted' ? 'success' : state === 'open' ? 'info' : 'default'}
          label={translate(`qf.scores.star_case.${state}`)}
        />
        <Link to={`/cases/${existing.id}/show`}>{translate('qf.scores.star_case.view')}</Link>
      </Stack>
    );
  }

  const send = async () => {
    setBusy(true);
    setProblem(null);
    try {
      await httpClient(`${API_URL}/scores/${encodeURIComponent(month)}/repair-star`, { method: 'POST' });
      onSent();
    } catch (e) {
      setProblem(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack spacing={1} sx={{ mt: 1 }}>
      <MuiButton
        size="small"
        variant="outlined"
        startIcon={<StarIcon />}
        disabled={busy}
        onClick={send}
        data-testid="send-repair-star"
      >
        {translate('qf.scores.send_star')}
      </MuiButton>
      {problem && <Alert severity="error">{translate(problem, { _: problem })}</Alert>}
    </Stack>
  );
};
