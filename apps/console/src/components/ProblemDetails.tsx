import { Alert, type SxProps, type Theme } from '@mui/material';
import { useTranslate } from 'react-admin';
import { detailMessage, problemMessage, type Problem, type Translate } from './problem';
import { RuleTag } from './RuleTag';

/**
 * An api refusal in the user's language: the message, then each detail from its code with its rule as a
 * {@link RuleTag} (tooltip: the rule's title and `policyVersion`).
 */
export const ProblemLines = ({
  problem,
  policyVersion,
}: {
  problem: Problem;
  policyVersion?: number | string | null;
}) => {
  const translate = useTranslate() as Translate;
  const message = problemMessage(problem, translate);
  const seen = new Set<string>();
  return (
    <>
      <div>{message}</div>
      {problem.details.map((d, i) => {
        const text = detailMessage(d, translate);
        const key = `${text}|${d.rule ?? ''}`;
        if (!text || seen.has(key) || text === message) return null;
        seen.add(key);
        return (
          <div key={`${d.path}-${i}`} className="qf-problem-detail">
            {text}
            {d.rule ? <RuleTag rule={d.rule} policyVersion={policyVersion} /> : null}
          </div>
        );
      })}
    </>
  );
};

/** An api refusal in a dialog or page (see {@link ProblemLines}). */
export const ProblemDetails = ({
  problem,
  sx,
  policyVersion,
}: {
  problem: Problem | null;
  sx?: SxProps<Theme>;
  policyVersion?: number | string | null;
}) => {
  if (!problem) return null;
  return (
    <Alert severity="error" sx={sx} className="qf-problem">
      <ProblemLines problem={problem} policyVersion={policyVersion} />
    </Alert>
  );
};

/** A refusal as a notification: `notify(<ProblemNotice problem={p} />, { type: 'error' })`. */
export const ProblemNotice = ({
  problem,
  policyVersion,
}: {
  problem: Problem;
  policyVersion?: number | string | null;
}) => (
  <Alert
    severity="error"
    variant="filled"
    className="qf-problem"
    sx={{ minWidth: 288, '& .qf-rule-tag': { color: 'inherit', borderColor: 'currentColor' } }}
  >
    <ProblemLines problem={problem} policyVersion={policyVersion} />
  </Alert>
);
