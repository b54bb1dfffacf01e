import { useEffect, useState, type FormEvent } from 'react';
import ApproveIcon from '@mui/icons-material/CheckCircle';
import RejectIcon from '@mui/icons-material/Cancel';
import { Button, Card, CardContent, Stack, TextField, Typography } from '@mui/material';
import { useNotify, useRefresh, useTranslate } from 'react-admin';
import type { StarApplicationView } from '@qf/contracts/stars';
import { ActionDialog } from '../components/ActionDialog';
import { problemText, useApiCall, type Problem } from '../components/problem';
import { ReasonField, useReason } from '../components/ReasonField';
import { ProblemAlert } from './chips';
import { LEVELS, starApi, type Level } from './model';
import { ScoreSchema } from './schemas';

/** S-6: the team lead approves, or rejects with a reason. */
export const LeadReview = ({ record }: { record: StarApplicationView }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const { busy, run } = useApiCall();
  const [open, setOpen] = useState(false);
  const reason = useReason();

  const send = (decision: 'approve' | 'reject', why?: string) =>
    run(
      async () => {
        await starApi.review(String(record.id), decision, why);
        notify(
          decision === 'approve' ? 'qf.star.application.reviewed_approve' : 'qf.star.application.reviewed_reject',
          {
            type: 'success',
            messageArgs: { name: record.employeeName },
          },
        );
        setOpen(false);
        refresh();
      },
      (p) => notify(problemText(p) || 'ra.notification.http_error', { type: 'error' }),
    );

  const reject = (e: FormEvent) => {
    e.preventDefault();
    const why = reason.required();
    if (why) void send('reject', why);
  };

  return (
    <Card variant="outlined" data-testid="star-review">
      <CardContent>
        <Typography variant="subtitle1" gutterBottom>
          {translate('qf.star.application.review_title')}
        </Typography>
        <Stack direction="row" spacing={1}>
          <Button
            variant="contained"
            color="primary"
            startIcon={<ApproveIcon />}
            disabled={busy}
            onClick={() => send('approve')}
            data-testid="star-review-approve"
          >
            {translate('qf.star.application.approve')}
          </Button>
          <Button
            variant="outlined"
            color="error"
            startIcon={<RejectIcon />}
            disabled={busy}
            onClick={() => setOpen(true)}
            data-testid="star-review-reject"
          >
            {translate('qf.star.application.reject')}
          </Button>
        </Stack>
      </CardContent>
      <ActionDialog
        open={open}
        onClose={() => !busy && setOpen(false)}
        busy={busy}
        title={translate('qf.star.application.reject_title', { name: record.employeeName })}
        onSubmit={reject}
        confirmLabel="qf.star.application.reject"
        confirmColor="error"
        confirmTestId="star-review-reject-confirm"
      >
        <ReasonField
          autoFocus
          fullWidth
          sx={{ mt: 1 }}
          label={translate('qf.star.application.reason')}
          reason={reason}
          errorText={translate('qf.star.application.reason_required')}
          testId="star-review-reason"
        />
      </ActionDialog>
    </Card>
  );
};

/** S-7 (admin, hr): one exam score; the cascade offers the levels below the one applied for. */
export const ExamEntry = ({ record }: { record: StarApplicationView }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const { busy, run } = useApiCall();
  const suggested = (record.exam?.nextExam ?? record.level) as Level;
  const [level, setLevel] = useState<Level>(suggested);
  const [score, setScore] = useState('');
  const [scoreError, setScoreError] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  // after a failed exam the next one in the cascade is proposed
  useEffect(() => setLevel(suggested), [suggested]);
  const levels = LEVELS.filter((l) => l <= record.level);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    const parsed = ScoreSchema.safeParse(score.trim() === '' ? Number.NaN : Number(score));
    if (!parsed.success) {
      setScoreError(true);
      return;
    }
    await run(async () => {
      await starApi.exam(String(record.id), level, parsed.data);
      notify('qf.star.application.exam_done', { type: 'success', messageArgs: { level, score: parsed.data } });
      setScore('');
      refresh();
    }, setProblem);
  };

  return (
    <Card variant="outlined" data-testid="star-exam-entry">
      <CardContent>
        <Typography variant="subtitle1" gutterBottom>
          {translate('qf.star.application.exam_entry')}
        </Typography>
        <form onSubmit={submit} noValidate>
          <Stack direction="row" spacing={2} useFlexGap sx={{ alignItems: 'flex-start', flexWrap: 'wrap' }}>
            <TextField
              select
              size="small"
              sx={{ width: 160, flex: '0 0 auto' }}
              label={translate('qf.star.application.exam_level')}
              value={level}
              onChange={(e) => setLevel(Number(e.target.value) as Level)}
              // a native <select>: one selectOption() in browser tests
              slotProps={{
                select: { native: true },
                inputLabel: { shrink: true },
                htmlInput: { 'data-testid': 'star-exam-level' },
              }}
            >
              {levels.map((l) => (
                <option key={l} value={l}>
                  {translate('qf.star.level', { n: l })}
                </option>
              ))}
            </TextField>
            <TextField
              size="small"
              type="number"
              sx={{ width: 160 }}
              label={translate('qf.star.application.exam_score')}
              value={score}
              onChange={(e) => {
                setScore(e.target.value);
                setScoreError(false);
              }}
              error={scoreError}
              helperText={scoreError ? translate('qf.star.application.score_range') : ' '}
              slotProps={{ htmlInput: { min: 0, max: 100, step: 0.5, 'data-testid': 'star-exam-score' } }}
            />
            <Button type="submit" variant="contained" disabled={busy} data-testid="star-exam-submit">
              {translate('qf.star.application.exam_submit')}
            </Button>
          </Stack>
        </form>
        <ProblemAlert problem={problem} testId="star-exam-error" />
      </CardContent>
    </Card>
  );
};
