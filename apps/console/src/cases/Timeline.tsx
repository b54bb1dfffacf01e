import { Box, Stack, Typography } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import type { TimelineEntry } from '@qf/contracts/cases';
import { formatDateTime } from '../components/format';
import { JsonBlock } from '../components/fields';

/** Who did what when, oldest first. */
export const Timeline = ({ entries }: { entries: TimelineEntry[] | undefined }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const sorted = [...(entries ?? [])].sort((a, b) => a.at.localeCompare(b.at));
  if (sorted.length === 0) return <Typography color="text.secondary">{translate('qf.case.no_timeline')}</Typography>;
  return (
    <Stack spacing={0} component="ol" sx={{ listStyle: 'none', p: 0, m: 0 }}>
      {sorted.map((e, i) => (
        <Box
          component="li"
          key={`${e.at}-${i}`}
          sx={{ position: 'relative', pl: 3, pb: 2, borderLeft: '2px solid', borderColor: 'divider', ml: 1 }}
        >
          <Box
            sx={{ position: 'absolute', left: -7, top: 4, width: 12, height: 12, borderRadius: '50%', bgcolor: 'primary.main' }}
          />
          <Typography variant="caption" color="text.secondary">
            {formatDateTime(e.at, locale)}
            {e.stage ? ` · ${e.stage}` : ''}
          </Typography>
          <Typography variant="body2">
            <strong>{e.actor ?? 'system'}</strong> {translate(`qf.actions.${e.action}`, { _: e.action })}
          </Typography>
          {e.details !== undefined && e.details !== null && typeof e.details === 'string' ? (
            <Typography variant="body2" color="text.secondary">
              {e.details}
            </Typography>
          ) : e.details !== undefined && e.details !== null ? (
            <JsonBlock value={e.details} />
          ) : null}
        </Box>
      ))}
    </Stack>
  );
};
