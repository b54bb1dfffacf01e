import { Box, Chip, Stack, Typography } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import type { TimelineEntry } from '@qf/contracts/cases';
import { starText } from '../stars/starText';
import { formatDateTime } from '../components/format';
import { DataFields } from './DataFields';
import { useCaseLabels } from './labels';

/** Details of system events that only repeat what the line already says (or are internal). */
const SKIP_DETAILS = ['stage', 'round', 'status', 'by', 'message', 'userId', 'reason', 'steps', 'comment', 'data'];

/**
 * The case's 审批记录, oldest first: who (姓名（工号）), what they decided (label), their comment and their data as
 * labelled fields, when. System events (stage opened, notifications, postings) are shown smaller.
 */
export const Timeline = ({
  entries,
  kind,
  names,
}: {
  entries: TimelineEntry[] | undefined;
  kind?: string;
  names?: Record<string, string>;
}) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const labels = useCaseLabels();
  const sorted = [...(entries ?? [])].sort((a, b) => a.at.localeCompare(b.at));
  if (sorted.length === 0) return <Typography color="text.secondary">{translate('qf.case.no_timeline')}</Typography>;
  const who = (e: TimelineEntry) =>
    e.actorName ?? (e.actor === 'schedule' ? translate('qf.case_ui.schedule') : translate('qf.case_ui.system'));
  return (
    <Stack spacing={0} component="ol" data-testid="case-timeline" sx={{ listStyle: 'none', p: 0, m: 0 }}>
      {sorted.map((e, i) => {
        const human = e.action.startsWith('task.') || !!e.actorName;
        const details =
          e.details && typeof e.details === 'object' && !Array.isArray(e.details)
            ? (e.details as Record<string, unknown>)
            : null;
        const notify = e.action.startsWith('notify.');
        return (
          <Box
            component="li"
            key={`${e.at}-${i}`}
            data-testid="timeline-entry"
            sx={{
              position: 'relative',
              pl: 3,
              pb: human ? 2 : 1,
              borderLeft: '2px solid',
              borderColor: 'divider',
              ml: 1,
            }}
          >
            <Box
              sx={{
                position: 'absolute',
                left: human ? -7 : -5,
                top: 4,
                width: human ? 12 : 8,
                height: human ? 12 : 8,
                borderRadius: '50%',
                bgcolor: human ? 'primary.main' : 'grey.400',
              }}
            />
            <Typography variant="caption" color="text.secondary" component="div">
              {formatDateTime(e.at, locale)}
              {e.stage ? ` · ${labels.stage(kind, e.stage, e.stageLabel)}` : ''}
            </Typography>
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
              <Typography variant={human ? 'body1' : 'body2'} color={human ? undefined : 'text.secondary'}>
                <strong>{who(e)}</strong> {labels.event(e.action, { kind, stage: e.stage })}
              </Typography>
              {typeof details?.rule === 'string' && <Chip size="small" variant="outlined" label={details.rule} />}
              {notify && details && (
                <Typography variant="body2" color="text.secondary">
                  →{' '}
                  {typeof details.userId === 'string'
                    ? (names?.[details.userId] ?? '—')
                    : labels.role(details.role as string)}
                </Typography>
              )}
              {e.action === 'stage.escalated' && typeof details?.to === 'string' && (
                <Typography variant="body2" color="text.secondary">
                  → {labels.role(details.to)}
                </Typography>
              )}
              {(e.action === 'stage.closed' || e.action.startsWith('case.')) &&
                typeof details?.outcome === 'string' && (
                  <Typography variant="body2" color="text.secondary">
                    {labels.outcome(
                      details.outcome,
                      e.action === 'stage.closed' ? { kind, stage: e.stage } : undefined,
                    )}
                  </Typography>
                )}
            </Stack>
            {e.comment && (
              <Typography variant="body2" sx={{ mt: 0.5, whiteSpace: 'pre-wrap' }} data-testid="timeline-comment">
                {translate('qf.case_ui.comment')}：{starText(translate, locale, e.comment)}
              </Typography>
            )}
            {e.action.startsWith('task.') ? (
              <DataFields value={e.data} names={names} testId="timeline-data" />
            ) : (
              !notify &&
              e.action !== 'stage.escalated' &&
              e.action !== 'stage.opened' &&
              e.action !== 'stage.closed' && (
                <DataFields value={details} names={names} skip={[...SKIP_DETAILS, 'rule', 'outcome', 'to', 'dueAt']} />
              )
            )}
          </Box>
        );
      })}
    </Stack>
  );
};
