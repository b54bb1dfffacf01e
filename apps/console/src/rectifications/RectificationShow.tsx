import InboxIcon from '@mui/icons-material/Inbox';
import CaseIcon from '@mui/icons-material/Assignment';
import { Box, Button as MuiButton, CardContent, Divider, Stack, Typography } from '@mui/material';
import { Labeled, Link, Show, TopToolbar, useRecordContext, useTranslate } from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';
import { DateTimeField, Val, WaitingLine } from '../components/fields';
import { LateChip, OriginLabel, OverdueChip, StatusChip } from './chips';
import { CallbackSection, PlanSection } from './RectificationDecision';
import { caseUrl, inboxUrl, meetingUrl, type RectificationRecord } from './model';

const label = (field: string) => `resources.rectifications.fields.${field}`;

const Links = ({ record }: { record: RectificationRecord }) => {
  const translate = useTranslate();
  const caseId = record.caseId || String(record.id);
  return (
    <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
      <MuiButton size="small" variant="outlined" component={RouterLink} to={caseUrl(caseId)} startIcon={<CaseIcon />}>
        {translate('qf.rectification.open_case')}
      </MuiButton>
      {record.status !== 'confirmed' && (
        <MuiButton
          size="small"
          variant="outlined"
          component={RouterLink}
          to={inboxUrl(caseId)}
          startIcon={<InboxIcon />}
        >
          {translate('qf.rectification.open_inbox')}
        </MuiButton>
      )}
    </Stack>
  );
};

const RectificationShowLayout = () => {
  const record = useRecordContext<RectificationRecord>();
  const translate = useTranslate();
  if (!record) return null;
  const stage = record.stage ? translate(`qf.rectification.stage.${record.stage}`, { _: record.stage }) : '—';
  return (
    <CardContent>
      <Stack spacing={2}>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
          <Typography variant="h6">
            <OriginLabel origin={record.origin} />
            {record.orderNo ? (
              <Typography component="span" color="text.secondary">
                {' '}
                #{record.orderNo}
              </Typography>
            ) : null}
          </Typography>
          <StatusChip status={record.status} />
          <OverdueChip overdue={record.overdue} />
          <LateChip late={record.late} overdue={record.overdue} />
        </Stack>
        {record.status !== 'confirmed' && (
          <WaitingLine waitingOn={record.waitingOn ?? undefined} since={record.waitingSince} due={record.dueAt} />
        )}
        <Links record={record} />
        <Divider />
        <Stack direction="row" spacing={4} useFlexGap sx={{ flexWrap: 'wrap' }}>
          <Labeled label={label('origin')}>
            <OriginLabel origin={record.origin} />
          </Labeled>
          <Labeled label={label('internal')}>
            <Val>{translate(record.internal ? 'qf.common.yes' : 'qf.common.no')}</Val>
          </Labeled>
          <Labeled label={label('orderNo')}>
            <Val>{record.orderNo || '—'}</Val>
          </Labeled>
          <Labeled label={label('teamName')}>
            <Val>{record.teamName || '—'}</Val>
          </Labeled>
          <Labeled label={label('branchName')}>
            <Val>{record.branchName || '—'}</Val>
          </Labeled>
          <Labeled label={label('stage')}>
            <Val>{stage}</Val>
          </Labeled>
        </Stack>
        <Stack direction="row" spacing={4} useFlexGap sx={{ flexWrap: 'wrap' }}>
          <Labeled label={label('meetingTitle')}>
            {record.meetingId ? (
              <Link to={meetingUrl(record.meetingId)}>{record.meetingTitle || '—'}</Link>
            ) : (
              <Val>—</Val>
            )}
          </Labeled>
          <Labeled label={label('dueAt')}>
            <Box component="span" sx={{ color: record.overdue ? 'error.main' : undefined }}>
              <DateTimeField source="dueAt" />
            </Box>
          </Labeled>
          <Labeled label={label('openedAt')}>
            <DateTimeField source="openedAt" />
          </Labeled>
          <Labeled label={label('submittedAt')}>
            <DateTimeField source="submittedAt" />
          </Labeled>
          <Labeled label={label('waitingSince')}>
            <DateTimeField source="waitingSince" />
          </Labeled>
        </Stack>
        <Labeled label={label('description')}>
          <Typography sx={{ whiteSpace: 'pre-wrap' }}>{record.description || '—'}</Typography>
        </Labeled>
        {record.callback && (
          <>
            <Divider />
            <CallbackSection callback={record.callback} />
          </>
        )}
        {record.plan && (
          <>
            <Divider />
            <PlanSection plan={record.plan} />
          </>
        )}
        <Typography variant="body2" color="text.secondary">
          {translate('qf.rectification.act_in_inbox')}
        </Typography>
      </Stack>
    </CardContent>
  );
};

const RectificationTitle = () => {
  const record = useRecordContext<RectificationRecord>();
  const translate = useTranslate();
  if (!record) return null;
  const origin = translate(`qf.rectification.origin.${record.origin}`, { _: record.origin ?? '' });
  return (
    <span>{`${translate('qf.rectification.heading')} · ${origin}${record.orderNo ? ` #${record.orderNo}` : ''}`}</span>
  );
};

export const RectificationShow = () => (
  <Show title={<RectificationTitle />} actions={<TopToolbar />}>
    <RectificationShowLayout />
  </Show>
);
