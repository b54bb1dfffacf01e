import { useState } from 'react';
import {
  Alert,
  AlertTitle,
  Box,
  Button,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Divider,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { Link, useLocaleState, useRefresh, useTranslate } from 'react-admin';
import { API_URL, httpClient } from '../dataProvider';
import { LabeledValue } from '../components/fields';
import { formatDateTime } from '../components/format';
import { useApiCall } from '../components/problem';
import {
  CHOICE_COLOR,
  DEFAULT_SCORES,
  EVALUATION_CHOICES,
  caseUrl,
  type AnswerResult,
  type EvaluationChoice,
  type EvaluationRecord,
} from './model';

const scoreOf = (record: EvaluationRecord, choice: EvaluationChoice): number =>
  record.choices?.find((c) => c.choice === choice)?.score ?? DEFAULT_SCORES[choice];

/** The recorded result: choice and score, and the rectification a dissatisfied callback opened (E-7). */
const Outcome = ({
  choice,
  score,
  rectificationCaseId,
}: {
  choice: EvaluationChoice | null;
  score: number | null;
  rectificationCaseId: string | null;
}) => {
  const translate = useTranslate();
  return (
    <Stack spacing={1} data-testid="evaluation-outcome">
      <Alert severity={choice === 'dissatisfied' ? 'warning' : 'success'}>
        <AlertTitle>{translate('qf.evaluation.recorded')}</AlertTitle>
        {translate('qf.evaluation.recorded_as', {
          choice: choice ? translate(`qf.evaluation.choice.${choice}`) : '—',
          score: score ?? '—',
        })}
      </Alert>
      {rectificationCaseId && (
        <Alert severity="error">
          <AlertTitle>{translate('qf.evaluation.rectification_opened')}</AlertTitle>
          <Link to={caseUrl(rectificationCaseId)} data-testid="rectification-link">
            {translate('qf.evaluation.open_rectification')}
          </Link>
        </Alert>
      )}
    </Stack>
  );
};

/**
 * E-3 callback screen: the sampling explanation (E-2), the scripted questions each with a text answer,
 * three big choice buttons with their scores, an optional note. A dissatisfied answer opens a rectification.
 */
export const CallbackDialog = ({ record, onClose }: { record: EvaluationRecord; onClose: () => void }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const refresh = useRefresh();
  const { busy, run } = useApiCall();
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [choice, setChoice] = useState<EvaluationChoice | null>(null);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<AnswerResult | null>(null);

  const answered =
    result ??
    (record.answeredAt
      ? { id: record.id, choice: record.choice, score: record.score, rectificationCaseId: record.rectificationCaseId }
      : null);
  const isCallback = record.kind !== 'foreman';

  const submit = async () => {
    if (!choice) return;
    setError(null);
    const filled = Object.fromEntries(
      Object.entries(answers)
        .map(([k, v]) => [k, v.trim()])
        .filter(([, v]) => v),
    );
    await run(
      async () => {
        const { json } = await httpClient(`${API_URL}/evaluations/${encodeURIComponent(record.id)}/answer`, {
          method: 'POST',
          body: JSON.stringify({
            choice,
            answers: Object.keys(filled).length ? filled : undefined,
            note: note.trim() || undefined,
          }),
        });
        setResult(json as AnswerResult);
        refresh();
      },
      (p) => setError(p.message),
    );
  };

  return (
    <Dialog open onClose={busy ? undefined : onClose} fullWidth maxWidth="md" aria-labelledby="callback-title">
      <DialogTitle id="callback-title">
        {translate(isCallback ? 'qf.evaluation.callback_title' : 'qf.evaluation.self_title', {
          orderNo: record.orderNo,
        })}
      </DialogTitle>
      <DialogContent>
        <Stack direction="row" spacing={3} useFlexGap sx={{ flexWrap: 'wrap', mb: 2 }}>
          <Field label={translate('resources.evaluations.fields.repairerName')} value={record.repairerName ?? '—'} />
          <Field label={translate('resources.evaluations.fields.teamUnitId')} value={record.teamName || '—'} />
          <Field label={translate('resources.evaluations.fields.reporter')} value={record.reporter || '—'} />
          <Field label={translate('qf.process_ui.evaluation.evaluator')} value={record.evaluatorName || '—'} />
          <Field
            label={translate('resources.evaluations.fields.kind')}
            value={translate(`qf.evaluation.kind.${record.kind}`, { _: record.kind })}
          />
          <Field label={translate('resources.evaluations.fields.evaluateOn')} value={record.evaluateOn ?? '—'} />
          <Field
            label={translate('resources.evaluations.fields.dueAt')}
            value={
              <>
                {formatDateTime(record.dueAt, locale)}{' '}
                {record.overdue && !answered && (
                  <Chip size="small" color="error" label={translate('qf.evaluation.overdue')} />
                )}
              </>
            }
          />
        </Stack>
        <Alert severity="info" sx={{ mb: 2 }} data-testid="evaluation-explanation">
          <AlertTitle>{translate('qf.evaluation.why')}</AlertTitle>
          {record.explanation || '—'}
          {record.seed ? (
            <Box sx={{ mt: 0.5, fontSize: 12, opacity: 0.8 }}>
              {translate('qf.evaluation.seed', { seed: record.seed })}
            </Box>
          ) : null}
        </Alert>

        {answered ? (
          <Outcome choice={answered.choice} score={answered.score} rectificationCaseId={answered.rectificationCaseId} />
        ) : (
          <>
            <Typography variant="subtitle1" gutterBottom>
              {translate(isCallback ? 'qf.evaluation.script' : 'qf.evaluation.criteria')}
            </Typography>
            <Stack spacing={2} sx={{ mb: 2 }}>
              {(record.script ?? []).map((q, i) => (
                <Box key={q.key}>
                  <Typography variant="body2" sx={{ mb: 0.5 }}>
                    {i + 1}. {q.text}
                  </Typography>
                  <TextField
                    size="small"
                    fullWidth
                    placeholder={translate('qf.evaluation.answer')}
                    value={answers[q.key] ?? ''}
                    onChange={(e) => setAnswers((a) => ({ ...a, [q.key]: e.target.value }))}
                    slotProps={{ htmlInput: { 'aria-label': q.text, maxLength: 500 } }}
                  />
                </Box>
              ))}
            </Stack>
            <Divider sx={{ mb: 2 }} />
            <Typography variant="subtitle1" gutterBottom>
              {translate('qf.evaluation.choose')}
            </Typography>
            <Stack
              direction={{ xs: 'column', sm: 'row' }}
              spacing={2}
              sx={{ mb: 2 }}
              role="group"
              aria-label={translate('qf.evaluation.choose')}
            >
              {EVALUATION_CHOICES.map((c) => {
                const selected = choice === c;
                return (
                  <Button
                    key={c}
                    size="large"
                    color={CHOICE_COLOR[c]}
                    variant={selected ? 'contained' : 'outlined'}
                    aria-pressed={selected}
                    aria-label={`${translate(`qf.evaluation.choice.${c}`)} ${translate('qf.evaluation.points', { score: scoreOf(record, c) })}`}
                    disabled={busy}
                    onClick={() => setChoice(c)}
                    sx={{ flex: 1, py: 2, flexDirection: 'column', fontSize: 20 }}
                  >
                    <span>{translate(`qf.evaluation.choice.${c}`)}</span>
                    <Box component="span" sx={{ fontSize: 14 }}>
                      {translate('qf.evaluation.points', { score: scoreOf(record, c) })}
                    </Box>
                  </Button>
                );
              })}
            </Stack>
            {choice === 'dissatisfied' && (
              <Alert severity="warning" sx={{ mb: 2 }}>
                {translate('qf.evaluation.dissatisfied_help')}
              </Alert>
            )}
            <TextField
              label={translate('qf.evaluation.note')}
              fullWidth
              multiline
              minRows={2}
              value={note}
              onChange={(e) => setNote(e.target.value)}
              slotProps={{ htmlInput: { maxLength: 2000 } }}
            />
          </>
        )}
        {error && (
          <Alert severity="error" sx={{ mt: 2 }}>
            {translate(error, { _: error })}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy}>
          {translate('ra.action.close')}
        </Button>
        {!answered && (
          <Button variant="contained" onClick={submit} disabled={!choice || busy}>
            {translate('qf.evaluation.submit')}
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
};

const Field = ({ label, value }: { label: string; value: React.ReactNode }) => (
  <LabeledValue label={label} value={value} variant="body2" valueComponent="div" />
);
