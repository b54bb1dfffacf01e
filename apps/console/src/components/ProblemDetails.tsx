import { Alert, type SxProps, type Theme } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { Problem } from './problem';

/** An api refusal in a dialog: the message, then each detail as "path: message (rule)". */
export const ProblemDetails = ({ problem, sx }: { problem: Problem | null; sx?: SxProps<Theme> }) => {
  const translate = useTranslate();
  if (!problem) return null;
  return (
    <Alert severity="error" sx={sx}>
      <div>{translate(problem.message, { _: problem.message })}</div>
      {problem.details.map((d, i) => (
        <div key={`${d.path}-${i}`}>
          {d.path ? `${d.path}: ` : ''}
          {d.message}
          {d.rule ? ` (${d.rule})` : ''}
        </div>
      ))}
    </Alert>
  );
};
