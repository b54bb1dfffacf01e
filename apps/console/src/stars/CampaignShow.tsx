import { lazy, useState } from 'react';
import NextIcon from '@mui/icons-material/SkipNext';
import ListIcon from '@mui/icons-material/List';
import CaseIcon from '@mui/icons-material/Assignment';
import {
  Box,
  Button as MuiButton,
  Card,
  CardContent,
  Chip,
  DialogContentText,
  Divider,
  Stack,
  Step,
  StepLabel,
  Stepper,
  Typography,
} from '@mui/material';
import {
  Button,
  Labeled,
  Show,
  TopToolbar,
  useNotify,
  usePermissions,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';
import { STAR_PHASES, type StarCampaignView } from '@qf/contracts/stars';
import { hasRole } from '../authProvider/access';
import { ActionDialog } from '../components/ActionDialog';
import { ImportButton } from '../components/ImportButton';
import { DateTimeField, LabeledValue, TemporalLinkField, Val } from '../components/fields';
import { problemText, useApiCall } from '../components/problem';
import { RecordTitle } from '../components/RecordTitle';
import { ChartSection } from '../components/Section';
import { PhaseChip } from './chips';
import type { LevelDatum } from './LevelChart';
import { LEVELS, caseUrl, listUrl, nextPhase, num, phaseDate, phaseIndex, starApi } from './model';

// recharts is large: load it after the page is on screen (as the dashboard does).
const LevelChart = lazy(() => import('./LevelChart'));

const COUNT_KEYS = ['applied', 'recommended', 'passed', 'approved', 'awarded'] as const;
type LevelKey = '1' | '2' | '3';

/** S-1 (admin): close the current phase and open the next; the api answers 409 when it cannot. */
const AdvanceButton = ({ record }: { record: StarCampaignView }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const { busy, run } = useApiCall();
  const [open, setOpen] = useState(false);
  const next = nextPhase(record.phase);
  if (!next) return null;
  const advance = () =>
    run(
      async () => {
        const updated = await starApi.advance(String(record.id));
        const phase = updated?.phase ?? next;
        notify('qf.star.campaign.advanced', {
          type: 'success',
          messageArgs: { phase: translate(`qf.star.phase.${phase}`, { _: phase }) },
        });
        setOpen(false);
        refresh();
      },
      // 409: wrong phase, already advanced, … — the api's message as it is
      (p) => notify(problemText(p) || 'ra.notification.http_error', { type: 'error' }),
      () => setOpen(false),
    );
  return (
    <>
      <Button
        label="qf.star.campaign.advance"
        onClick={() => setOpen(true)}
        disabled={busy}
        data-testid="star-campaign-advance"
      >
        <NextIcon />
      </Button>
      <ActionDialog
        open={open}
        onClose={() => !busy && setOpen(false)}
        busy={busy}
        maxWidth="xs"
        title={translate('qf.star.campaign.advance_title')}
        onConfirm={advance}
        confirmLabel="qf.star.campaign.advance"
        confirmTestId="star-campaign-advance-confirm"
      >
        <DialogContentText>
          {translate('qf.star.campaign.advance_content', {
            from: translate(`qf.star.phase.${record.phase}`, { _: record.phase }),
            to: translate(`qf.star.phase.${next}`, { _: next }),
          })}
        </DialogContentText>
      </ActionDialog>
    </>
  );
};

const ShowActions = () => {
  const record = useRecordContext<StarCampaignView>();
  const { permissions } = usePermissions();
  if (!record) return <TopToolbar />;
  return (
    <TopToolbar>
      {hasRole(permissions, []) && <AdvanceButton record={record} />}
      {/* S-7 exam results (the api takes them from admin and hr) */}
      {hasRole(permissions, ['hr']) && record.phase !== 'closed' && (
        <Box component="span" data-testid="star-exam-import">
          <ImportButton
            endpoint={`star-campaigns/${encodeURIComponent(String(record.id))}/exam-import`}
            columns={['工号', '级别', '成绩']}
            templateName={`star-exam-${record.year}.csv`}
            titleKey="qf.star.campaign.import_title"
            helpKey="qf.star.campaign.import_help"
            doneKey="qf.star.campaign.import_done"
          />
        </Box>
      )}
    </TopToolbar>
  );
};

/** 申请与推荐 → 考试 → 评委会 → 颁奖 → 结束, each with its start date (S-1). */
const PhaseStepper = ({ record }: { record: StarCampaignView }) => {
  const translate = useTranslate();
  const current = phaseIndex(record.phase);
  const closed = record.phase === 'closed';
  return (
    <Stepper
      activeStep={closed ? STAR_PHASES.length : current}
      alternativeLabel
      data-testid="star-campaign-phase"
      data-phase={record.phase}
    >
      {STAR_PHASES.map((p, i) => {
        const date = phaseDate(record, p);
        return (
          <Step key={p} completed={closed || i < current}>
            <StepLabel
              optional={
                <Typography variant="caption" color="text.secondary" component="div">
                  {date
                    ? translate(p === 'closed' ? 'qf.star.campaign.finish_by' : 'qf.star.campaign.phase_start', {
                        date,
                      })
                    : '—'}
                  {p === 'award' && record.ceremonyDate ? (
                    <div>{translate('qf.star.campaign.ceremony', { date: record.ceremonyDate })}</div>
                  ) : null}
                </Typography>
              }
            >
              {translate(`qf.star.phase.${p}`)}
            </StepLabel>
          </Step>
        );
      })}
    </Stepper>
  );
};

/** Quota and the five counts of one level (S-5, S-8, S-9). */
const LevelCard = ({ record, level }: { record: StarCampaignView; level: 1 | 2 | 3 }) => {
  const translate = useTranslate();
  const key = String(level) as LevelKey;
  const counts = record.counts?.[key];
  const quota = record.quotas?.[key];
  const over = typeof quota === 'number' && typeof counts?.approved === 'number' && counts.approved > quota;
  return (
    <Card variant="outlined" sx={{ flex: '1 1 260px' }} data-testid={`star-level-${level}`}>
      <CardContent>
        <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'baseline' }}>
          <Typography variant="h6" sx={{ color: '#f5a623' }}>
            {'★'.repeat(level)}{' '}
            <Typography component="span" color="text.primary">
              {translate('qf.star.level', { n: level })}
            </Typography>
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {translate('qf.star.campaign.quota')}{' '}
            <Typography component="strong" variant="h5" color="text.primary" data-testid={`star-quota-${level}`}>
              {num(quota)}
            </Typography>
          </Typography>
        </Stack>
        <Divider sx={{ my: 1 }} />
        <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap' }}>
          {COUNT_KEYS.map((k) => (
            <LabeledValue
              key={k}
              minWidth={64}
              label={translate(`qf.star.campaign.${k}`)}
              value={num(counts?.[k])}
              testId={`star-count-${level}-${k}`}
            />
          ))}
        </Stack>
        {over && <Chip size="small" color="warning" sx={{ mt: 1 }} label={translate('qf.star.campaign.over_quota')} />}
      </CardContent>
    </Card>
  );
};

const ChartCard = ({ record }: { record: StarCampaignView }) => {
  const translate = useTranslate();
  const data: LevelDatum[] = LEVELS.map((l) => {
    const key = String(l) as LevelKey;
    const c = record.counts?.[key];
    const n = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
    return {
      level: translate('qf.star.level', { n: l }),
      quota: n(record.quotas?.[key]),
      applied: n(c?.applied),
      recommended: n(c?.recommended),
      passed: n(c?.passed),
      approved: n(c?.approved),
      awarded: n(c?.awarded),
    };
  });
  return (
    <ChartSection title={translate('qf.star.campaign.chart')}>
      <LevelChart
        data={data}
        labels={{
          quota: translate('qf.star.campaign.quota'),
          applied: translate('qf.star.campaign.applied'),
          recommended: translate('qf.star.campaign.recommended'),
          passed: translate('qf.star.campaign.passed'),
          approved: translate('qf.star.campaign.approved'),
          awarded: translate('qf.star.campaign.awarded'),
        }}
      />
    </ChartSection>
  );
};

const CampaignDashboard = () => {
  const record = useRecordContext<StarCampaignView>();
  const translate = useTranslate();
  const { permissions } = usePermissions();
  if (!record) return null;
  return (
    <CardContent>
      <Stack spacing={2}>
        <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
          <Typography variant="h6">{translate('qf.star.campaign.heading', { year: record.year })}</Typography>
          <PhaseChip phase={record.phase} />
          <Chip
            size="small"
            variant="outlined"
            label={translate(
              record.resultsPublished ? 'qf.star.campaign.results_published' : 'qf.star.campaign.results_not_published',
            )}
          />
        </Stack>
        <PhaseStepper record={record} />
        <Divider />
        <Stack direction="row" spacing={4} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'flex-start' }}>
          <Labeled label="resources.star-campaigns.fields.headcount">
            <Val testId="star-campaign-headcount">{num(record.headcount)}</Val>
          </Labeled>
          <Labeled label="resources.star-campaigns.fields.ceremonyDate">
            <Val>{record.ceremonyDate || '—'}</Val>
          </Labeled>
          <Labeled label="resources.star-campaigns.fields.awardsFinishBy">
            <Val>{record.awardsFinishBy || '—'}</Val>
          </Labeled>
          <Labeled label="resources.star-campaigns.fields.createdAt">
            <DateTimeField source="createdAt" />
          </Labeled>
          {/* the Temporal UI can reset and terminate workflows: admins only (issue 11) */}
          {hasRole(permissions, []) && (
            <Labeled label="resources.star-campaigns.fields.temporalUrl">
              <TemporalLinkField source="temporalUrl" />
            </Labeled>
          )}
        </Stack>
        <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
          <MuiButton
            size="small"
            variant="outlined"
            component={RouterLink}
            to={listUrl('star-applications', { campaignId: record.id })}
            startIcon={<ListIcon />}
            data-testid="star-campaign-applications"
          >
            {translate('qf.star.campaign.applications')}
          </MuiButton>
          {record.caseId && (
            <MuiButton
              size="small"
              variant="outlined"
              component={RouterLink}
              to={caseUrl(record.caseId)}
              startIcon={<CaseIcon />}
            >
              {translate('qf.star.open_case')}
            </MuiButton>
          )}
        </Stack>
        {!record.quotas && <Typography color="text.secondary">{translate('qf.star.campaign.no_quotas')}</Typography>}
        <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap' }}>
          {LEVELS.map((l) => (
            <LevelCard key={l} record={record} level={l} />
          ))}
        </Stack>
        <ChartCard record={record} />
      </Stack>
    </CardContent>
  );
};

/** 星级评定 dashboard: phases, quotas and counts per level, the admin's phase switch and exam import (polled while open). */
export const CampaignShow = () => (
  <Show
    title={<RecordTitle<StarCampaignView> messageKey="qf.star.campaign.heading" args={(r) => ({ year: r.year })} />}
    actions={<ShowActions />}
    queryOptions={{
      // phases move on the workflow's side (after an advance, on a timer): keep the dashboard current
      refetchInterval: (query) =>
        (query.state.data as StarCampaignView | undefined)?.phase === 'closed' ? false : 10000,
    }}
  >
    <CampaignDashboard />
  </Show>
);
