import { Alert, Box, Chip, Stack, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { RuleNote, StarApplicationStatus, StarPhase } from '@qf/contracts/stars';
import { detailText, problemMessage, type Problem, type Translate } from '../components/problem';
import { STATUS_COLOR, stars } from './model';

export const StatusChip = ({ status }: { status?: StarApplicationStatus | null }) => {
  const translate = useTranslate();
  if (!status) return <span>—</span>;
  return (
    <Chip
      size="small"
      color={STATUS_COLOR[status] ?? 'default'}
      label={translate(`qf.star.status.${status}`, { _: status })}
      data-testid="star-status"
      data-status={status}
    />
  );
};

export const PhaseChip = ({ phase }: { phase?: StarPhase | null }) => {
  const translate = useTranslate();
  if (!phase) return <span>—</span>;
  return (
    <Chip
      size="small"
      color={phase === 'closed' ? 'default' : 'primary'}
      variant={phase === 'closed' ? 'outlined' : 'filled'}
      label={translate(`qf.star.phase.${phase}`, { _: phase })}
    />
  );
};

/** ★★ with the level as a tooltip-free label for screen readers. */
export const Stars = ({ level }: { level?: number | null }) => {
  const translate = useTranslate();
  if (!level) return <span>{translate('qf.star.no_star')}</span>;
  return (
    <Box
      component="span"
      sx={{ color: '#f5a623', letterSpacing: 1, whiteSpace: 'nowrap' }}
      aria-label={translate('qf.star.level', { n: level })}
      title={translate('qf.star.level', { n: level })}
    >
      {stars(level)}
    </Box>
  );
};

/** Rule-tagged notes (eligibility S-2…S-4): the rule as a chip, then the message. */
export const RuleNotes = ({ notes, empty }: { notes: RuleNote[] | null | undefined; empty?: string }) => {
  const translate = useTranslate();
  const list = Array.isArray(notes) ? notes : [];
  if (list.length === 0) return <Typography color="text.secondary">{empty ?? translate('qf.star.none')}</Typography>;
  return (
    <Box component="ul" sx={{ my: 0, pl: 2 }}>
      {list.map((n, i) => (
        <li key={`${n.rule}-${i}`}>
          <Chip size="small" label={n.rule} sx={{ mr: 1 }} />
          {n.message}
        </li>
      ))}
    </Box>
  );
};

/**
 * An application's eligibility result: passed for its level (an application exists only once S-2…S-4 allowed it),
 * then the rule-tagged notes the check left, if any.
 */
export const EligibilityResult = ({ level, notes }: { level: number; notes: RuleNote[] | null | undefined }) => {
  const translate = useTranslate();
  return (
    <>
      <Alert severity="success" sx={{ mb: 1 }}>
        {translate('qf.stars_ui.panel.eligible', { n: level })}
      </Alert>
      <RuleNotes notes={notes} empty={translate('qf.stars_ui.panel.no_notes')} />
    </>
  );
};

/** An api refusal inline: its message and each detail with the rule it names ("S-2 …"). */
export const ProblemAlert = ({ problem, testId }: { problem: Problem | null; testId?: string }) => {
  const translate = useTranslate();
  if (!problem) return null;
  return (
    <Alert severity="error" data-testid={testId} sx={{ width: '100%' }}>
      <div>{problemMessage(problem, translate as Translate)}</div>
      {problem.details.length > 0 && (
        <Stack component="ul" spacing={0.5} sx={{ my: 0.5, pl: 2 }}>
          {problem.details.map((d, i) => (
            <li key={`${d.path}-${i}`} data-rule={d.rule ?? ''}>
              {detailText(d, translate as Translate)}
            </li>
          ))}
        </Stack>
      )}
    </Alert>
  );
};
