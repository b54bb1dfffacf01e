import { Box, CardContent, Stack, Typography } from '@mui/material';
import {
  ArrayField,
  FunctionField,
  Datagrid,
  Labeled,
  NumberField,
  SelectField,
  Show,
  useRecordContext,
  useTranslate,
  Link,
  SimpleList,
  useLocaleState,
} from 'react-admin';
import type { CaseDetail, TaskView } from '@qf/contracts/cases';
import { caseStatusChoices, kindChoices, taskStatusChoices } from '../components/choices';
import { DateTimeField, TemporalLinkField, Val, WaitingLine } from '../components/fields';
import { DividedSection } from '../components/Section';
import { Timeline } from './Timeline';
import type { CaseWithFlow } from './CaseFlow';
import { lazyView } from '../components/lazy';
import { displayKey, useCaseLabels } from './labels';
import { usePhone } from '../layout/usePhone';
import { formatDateTime } from '../components/format';

// the diagram (React Flow + dagre) loads with the case page only, not with the task page's CaseSummary
const CaseFlow = lazyView(() => import('./CaseFlow'), 'CaseFlow');

const complaintIdOf = (c: CaseDetail): string => {
  const id = (c.data as { complaintId?: unknown } | undefined)?.complaintId;
  return typeof id === 'string' || typeof id === 'number' ? String(id) : c.id;
};

export const CaseSummary = ({ record }: { record: CaseDetail }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const labels = useCaseLabels();
  const stageLabel = record.stage
    ? labels.stage(record.kind, record.stage, record.tasks?.find((t) => t.stage === record.stage)?.stageLabel)
    : '—';
  return (
    <Stack spacing={2}>
      <Typography variant="h6">
        {record.title}{' '}
        {displayKey(record) && (
          <Typography component="span" color="text.secondary">
            #{displayKey(record)}
          </Typography>
        )}
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
          <Val testId="case-stage">{stageLabel}</Val>
        </Labeled>
        <Labeled source="outcome" resource="cases">
          <Val testId="case-outcome">{labels.outcome(record.outcome)}</Val>
        </Labeled>
        <Labeled label="qf.case.started_by">
          <Val testId="case-started-by">{record.createdByName ?? translate('qf.case_ui.system')}</Val>
        </Labeled>
        <Labeled source="policyVersion" resource="cases">
          <NumberField source="policyVersion" record={record} />
        </Labeled>
        <Labeled source="flowVersion" resource="cases">
          <NumberField source="flowVersion" record={record} />
        </Labeled>
        <Labeled source="createdAt" resource="cases">
          {/* the case's own time: on a task's page the record in context is the task */}
          <Val testId="case-created-at">{formatDateTime(record.createdAt, locale)}</Val>
        </Labeled>
        {record.temporalUrl && (
          <Labeled source="temporalUrl" resource="cases">
            <TemporalLinkField source="temporalUrl" record={record as unknown as Record<string, unknown>} />
          </Labeled>
        )}
      </Stack>
      {record.kind === 'complaint' && (
        <Box>
          <Link to={`/complaints/${encodeURIComponent(complaintIdOf(record))}/show`}>
            {translate('qf.case.view_complaint')}
          </Link>
        </Box>
      )}
    </Stack>
  );
};

const OVERDUE_BG = { bgcolor: 'rgba(211,47,47,0.08)' };

/** Phones (issue 17): the case's tasks as cards, not a table — the stage, who holds or decided it, its decision and due time. */
const TaskCards = () => {
  const translate = useTranslate();
  const labels = useCaseLabels();
  const [locale] = useLocaleState();
  const status = (s: string) => {
    const choice = taskStatusChoices.find((c) => c.id === s);
    return choice ? translate(choice.name) : s;
  };
  return (
    <SimpleList<TaskView>
      resource="tasks"
      rowClick={(id) => `/tasks/${id}/show`}
      primaryText={(t) => labels.stage(t.kind, t.stage, t.stageLabel)}
      secondaryText={(t) =>
        [
          t.decidedByName ?? t.assigneeName ?? labels.role(t.assigneeRole),
          status(t.status),
          t.decision ? labels.decision(t.decision, t) : null,
        ]
          .filter(Boolean)
          .join(' · ')
      }
      tertiaryText={(t) => (t.dueAt ? formatDateTime(t.dueAt, locale) : '')}
      rowSx={(t) => (t.overdue ? OVERDUE_BG : {})}
      empty={<Typography color="text.secondary">—</Typography>}
    />
  );
};

const CaseShowLayout = () => {
  const record = useRecordContext<CaseDetail>();
  const translate = useTranslate();
  const labels = useCaseLabels();
  const phone = usePhone();
  if (!record) return null;
  return (
    <CardContent>
      <CaseSummary record={record} />
      {(record as CaseWithFlow).flow && (
        <DividedSection title={translate('qf.flow_diagram.title')}>
          {/* the diagram scrolls sideways in its own box: its width never widens the page (a phone, issue 17) */}
          <Box sx={{ contain: 'inline-size' }}>
            <CaseFlow record={record as CaseWithFlow} />
          </Box>
        </DividedSection>
      )}
      <DividedSection title={translate('qf.case.tasks')}>
        <ArrayField source="tasks">
          {phone ? (
            <Box data-testid="case-tasks">
              <TaskCards />
            </Box>
          ) : (
            <Datagrid
              bulkActionButtons={false}
              rowClick={(id) => `/tasks/${id}/show`}
              resource="tasks"
              empty={<Typography color="text.secondary">—</Typography>}
              rowSx={(r) => ((r as TaskView).overdue ? OVERDUE_BG : {})}
            >
              <FunctionField
                source="stageLabel"
                render={(t: TaskView) => labels.stage(t.kind, t.stage, t.stageLabel)}
              />
              <FunctionField
                source="assigneeRole"
                label="qf.task.assignee"
                render={(t: TaskView) => t.assigneeName ?? labels.role(t.assigneeRole)}
              />
              <SelectField source="status" choices={taskStatusChoices} />
              <FunctionField source="decision" render={(t: TaskView) => labels.decision(t.decision, t)} />
              <FunctionField source="decidedBy" render={(t: TaskView) => t.decidedByName ?? '—'} />
              <DateTimeField source="dueAt" />
            </Datagrid>
          )}
        </ArrayField>
      </DividedSection>
      <DividedSection title={translate('qf.case.timeline')}>
        <Timeline entries={record.timeline} kind={record.kind} names={record.names} />
      </DividedSection>
    </CardContent>
  );
};

export const CaseShow = () => (
  <Show>
    <CaseShowLayout />
  </Show>
);
