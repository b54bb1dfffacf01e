import { Alert, Box, CardContent, Chip, Divider, Stack, Typography } from '@mui/material';
import {
  Labeled,
  Link,
  SelectField,
  Show,
  useGetOne,
  useLocaleState,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import type { CaseDetail, TaskView } from '@qf/contracts/cases';
import { taskStatusChoices } from '../components/choices';
import { DateTimeField, Val } from '../components/fields';
import { formatDateTime } from '../components/format';
import { CaseSummary } from '../cases/CaseShow';
import { useCaseLabels } from '../cases/labels';
import { TaskActions } from './TaskActions';
import { stageFormFor } from './stageForms';
import { decisionPanelFor } from './decisionPanels';

const TaskPage = () => {
  const task = useRecordContext<TaskView>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const labels = useCaseLabels();
  const { data: caseRecord } = useGetOne<CaseDetail>('cases', { id: task?.caseId ?? '' }, { enabled: !!task?.caseId });
  if (!task) return null;
  const Panel = decisionPanelFor(task);
  const stageLabel = labels.stage(task.kind, task.stage, task.stageLabel);

  return (
    <CardContent>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 2 }}>
        <Typography variant="h6">{stageLabel}</Typography>
        {task.overdue && <Chip color="error" size="small" label={translate('qf.task.overdue')} />}
      </Stack>
      <Stack direction="row" spacing={4} useFlexGap sx={{ flexWrap: 'wrap' }}>
        <Labeled source="status" resource="tasks">
          <SelectField source="status" choices={taskStatusChoices} />
        </Labeled>
        <Labeled source="assigneeRole" resource="tasks">
          <Val>{labels.role(task.assigneeRole)}</Val>
        </Labeled>
        {task.assigneeName && (
          <Labeled label="qf.task.assignee">
            <Val testId="task-assignee">{task.assigneeName}</Val>
          </Labeled>
        )}
        <Labeled source="claimedBy" resource="tasks">
          <Val>{task.claimedByName ?? '—'}</Val>
        </Labeled>
        <Labeled source="dueAt" resource="tasks">
          <Box component="span" sx={task.overdue ? { color: 'error.main', fontWeight: 600 } : undefined}>
            <DateTimeField source="dueAt" />
          </Box>
        </Labeled>
        <Labeled source="createdAt" resource="tasks">
          <DateTimeField source="createdAt" />
        </Labeled>
      </Stack>

      <Divider sx={{ my: 2 }} />
      <Typography variant="subtitle1" gutterBottom>
        {translate('qf.task.case_summary')} ·{' '}
        <Link to={`/cases/${encodeURIComponent(task.caseId)}/show`}>{translate('qf.task.open_case')}</Link>
      </Typography>
      {caseRecord ? <CaseSummary record={caseRecord} /> : <Typography>{task.caseTitle}</Typography>}

      {Panel && (
        <>
          <Divider sx={{ my: 2 }} />
          <Typography variant="subtitle1" gutterBottom>
            {translate('qf.task.pending_decision')}
          </Typography>
          <Box data-testid="decision-panel">
            <Panel task={task} />
          </Box>
        </>
      )}

      <Divider sx={{ my: 2 }} />
      <Typography variant="subtitle1" gutterBottom>
        {translate('qf.task.actions')}
      </Typography>
      {task.status === 'open' ? (
        <TaskActions task={task} stageForm={stageFormFor(task)} />
      ) : (
        <Alert severity="info">
          {translate('qf.task.decided', {
            who: task.decidedByName ?? '—',
            at: formatDateTime(task.decidedAt, locale),
            decision: labels.decision(task.decision, task),
          })}
        </Alert>
      )}
    </CardContent>
  );
};

export const TaskShow = () => (
  <Show>
    <TaskPage />
  </Show>
);
