import { Box, CardContent, Stack, Typography } from '@mui/material';
import {
  ArrayField,
  FunctionField,
  Datagrid,
  Labeled,
  NumberField,
  SelectField,
  Show,
  TextField,
  useRecordContext,
  useTranslate,
  Link,
} from 'react-admin';
import type { CaseDetail, TaskView } from '@qf/contracts/cases';
import { caseStatusChoices, kindChoices, taskStatusChoices } from '../components/choices';
import { DateTimeField, TemporalLinkField, WaitingLine } from '../components/fields';
import { DividedSection } from '../components/Section';
import { Timeline } from './Timeline';

const complaintIdOf = (c: CaseDetail): string => {
  const id = (c.data as { complaintId?: unknown } | undefined)?.complaintId;
  return typeof id === 'string' || typeof id === 'number' ? String(id) : c.id;
};

export const CaseSummary = ({ record }: { record: CaseDetail }) => {
  const translate = useTranslate();
  return (
    <Stack spacing={2}>
      <Typography variant="h6">
        {record.title} <Typography component="span" color="text.secondary">#{record.businessKey}</Typography>
      </Typography>
      <WaitingLine waitingOn={record.waitingOn} since={record.waitingSince} due={record.dueAt} />
      <Stack direction="row" spacing={4} useFlexGap sx={{ flexWrap: 'wrap' }}>
        <Labeled source="kind" resource="cases">
          <SelectField source="kind" choices={kindChoices} record={record} />
        </Labeled>
        <Labeled source="status" resource="cases">
          <SelectField source="status" choices={caseStatusChoices} record={record} />
        </Labeled>
        <Labeled source="stage" resource="cases">
          <TextField source="stage" record={record} emptyText="—" />
        </Labeled>
        <Labeled source="outcome" resource="cases">
          <TextField source="outcome" record={record} emptyText="—" />
        </Labeled>
        <Labeled source="policyVersion" resource="cases">
          <NumberField source="policyVersion" record={record} />
        </Labeled>
        <Labeled source="flowVersion" resource="cases">
          <NumberField source="flowVersion" record={record} />
        </Labeled>
        <Labeled source="createdAt" resource="cases">
          <DateTimeField source="createdAt" />
        </Labeled>
        <Labeled source="temporalUrl" resource="cases">
          <TemporalLinkField source="temporalUrl" />
        </Labeled>
      </Stack>
      {record.kind === 'complaint' && (
        <Box>
          <Link to={`/complaints/${encodeURIComponent(complaintIdOf(record))}/show`}>{translate('qf.case.view_complaint')}</Link>
        </Box>
      )}
    </Stack>
  );
};

const CaseShowLayout = () => {
  const record = useRecordContext<CaseDetail>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <CardContent>
      <CaseSummary record={record} />
      <DividedSection title={translate('qf.case.tasks')}>
        <ArrayField source="tasks">
          <Datagrid
            bulkActionButtons={false}
            rowClick={(id) => `/tasks/${id}/show`}
            resource="tasks"
            empty={<Typography color="text.secondary">—</Typography>}
            rowSx={(r) => ((r as TaskView).overdue ? { bgcolor: 'rgba(211,47,47,0.08)' } : {})}
          >
            <TextField source="stageLabel" />
            <FunctionField
              source="assigneeRole"
              render={(t: TaskView) => (t.assigneeRole ? translate(`qf.roles.${t.assigneeRole}`, { _: t.assigneeRole }) : '—')}
            />
            <SelectField source="status" choices={taskStatusChoices} />
            <TextField source="decision" emptyText="—" />
            <TextField source="decidedBy" emptyText="—" />
            <DateTimeField source="dueAt" />
          </Datagrid>
        </ArrayField>
      </DividedSection>
      <DividedSection title={translate('qf.case.timeline')}>
        <Timeline entries={record.timeline} />
      </DividedSection>
    </CardContent>
  );
};

export const CaseShow = () => (
  <Show>
    <CaseShowLayout />
  </Show>
);
