import { useState } from 'react';
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  List,
  ListItem,
  ListItemText,
  TextField,
  Typography,
} from '@mui/material';
import DoneAllIcon from '@mui/icons-material/DoneAll';
import { useDataProvider, useListContext, useNotify, useRefresh, useTranslate } from 'react-admin';
import type { BatchApproveFailure, TaskView } from '@qf/contracts/cases';
import type { QualityFlowDataProvider } from '../dataProvider';
import { type Problem, useApiCall, useProblemText } from '../components/problem';
import { ProblemNotice } from '../components/ProblemDetails';
import { useCaseLabels } from '../cases/labels';

/** A row the inbox may put into a batch: open, approvable, and of a stage whose flow allows batches (`batchApprove`). */
export const isBatchApprovable = (t: TaskView) =>
  t.status === 'open' && t.batchApprove && (t.allowedActions ?? []).includes('approve');

/**
 * 批量同意 (issue 17): the selected tasks, all of one stage, approved with one optional comment. The api approves each
 * as a single approve (validated and audited one by one); the refused ones are listed by case title with the reason.
 */
export const BatchApproveButton = ({ onFailed }: { onFailed: (failed: BatchApproveFailure[]) => void }) => {
  const { selectedIds, data, onUnselectItems } = useListContext<TaskView>();
  const translate = useTranslate();
  const labels = useCaseLabels();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<QualityFlowDataProvider>();
  const { run, busy } = useApiCall();
  const [problem, setProblem] = useState<Problem | null>(null);
  const [open, setOpen] = useState(false);
  const [comment, setComment] = useState('');

  const selected = (data ?? []).filter((t) => selectedIds.includes(t.id));
  const stages = new Set(selected.map((t) => `${t.kind}:${t.stage}`));
  const first = selected[0];
  const oneStage = selected.length > 0 && stages.size === 1 && selected.every(isBatchApprovable);

  const submit = () =>
    run(async () => {
      setProblem(null);
      const { data: result } = await dataProvider.batchApprove({
        taskIds: selected.map((t) => t.id),
        comment: comment.trim() || undefined,
      });
      setOpen(false);
      setComment('');
      refresh();
      if (result.done.length)
        notify('qf.inbox.batch.done', { type: 'success', messageArgs: { count: result.done.length } });
      onUnselectItems();
      // listed by the list page (this toolbar goes away with the selection)
      if (result.failed.length) onFailed(result.failed);
    }, setProblem);

  return (
    <>
      {!oneStage && selected.length > 1 && (
        <Typography variant="body2" color="warning.main" sx={{ mr: 2 }}>
          {translate('qf.inbox.batch.one_stage')}
        </Typography>
      )}
      <Button
        size="small"
        startIcon={<DoneAllIcon />}
        disabled={!oneStage}
        onClick={() => setOpen(true)}
        data-testid="batch-approve"
      >
        {translate('qf.inbox.batch.button')}
      </Button>
      {open && first && (
        <Dialog open onClose={() => setOpen(false)} fullWidth maxWidth="sm">
          <DialogTitle>{translate('qf.inbox.batch.title')}</DialogTitle>
          <DialogContent>
            <Typography gutterBottom>
              {translate('qf.inbox.batch.confirm', {
                count: selected.length,
                stage: labels.stage(first.kind, first.stage, first.stageLabel),
              })}
            </Typography>
            <List dense>
              {selected.map((t) => (
                <ListItem key={t.id} disableGutters>
                  <ListItemText primary={t.caseTitle} />
                </ListItem>
              ))}
            </List>
            <TextField
              label={translate('qf.task.comment')}
              value={comment}
              onChange={(e) => setComment(e.target.value)}
              multiline
              minRows={2}
              fullWidth
            />
            {problem && (
              <Alert severity="error" sx={{ mt: 2 }}>
                <ProblemNotice problem={problem} />
              </Alert>
            )}
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</Button>
            <Button variant="contained" disabled={busy} onClick={submit}>
              {translate('qf.inbox.batch.submit')}
            </Button>
          </DialogActions>
        </Dialog>
      )}
    </>
  );
};

/** The tasks a batch could not approve, by case title, each with the refusal in the user's language. */
export const BatchFailures = ({ failed, onClose }: { failed: BatchApproveFailure[] | null; onClose: () => void }) => {
  const translate = useTranslate();
  const { problemMessage } = useProblemText();
  if (!failed) return null;
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm">
      <DialogTitle>{translate('qf.inbox.batch.failed_title', { count: failed.length })}</DialogTitle>
      <DialogContent>
        <List dense data-testid="batch-failures">
          {failed.map((f) => (
            <ListItem key={f.taskId} disableGutters>
              <ListItemText
                primary={f.caseTitle ?? translate('qf.inbox.batch.unknown_case')}
                secondary={problemMessage({ status: null, message: '', code: f.code, params: f.params, details: [] })}
              />
            </ListItem>
          ))}
        </List>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('qf.inbox.batch.close')}</Button>
      </DialogActions>
    </Dialog>
  );
};
