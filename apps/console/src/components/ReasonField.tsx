import { useState } from 'react';
import { TextField, type TextFieldProps } from '@mui/material';

/** A required free-text reason: its value, and the error shown until the next keystroke. */
export const useReason = () => {
  const [value, setValue] = useState('');
  const [error, setError] = useState(false);
  return {
    value,
    error,
    change: (v: string) => {
      setValue(v);
      setError(false);
    },
    clear: () => setValue(''),
    /** The trimmed reason, or null (and the error shown) when it is empty. */
    required: (): string | null => {
      const trimmed = value.trim();
      if (!trimmed) setError(true);
      return trimmed || null;
    },
  };
};

type ReasonFieldProps = Omit<TextFieldProps, 'value' | 'onChange' | 'error' | 'helperText' | 'slotProps'> & {
  reason: ReturnType<typeof useReason>;
  /** Shown under the field while the reason is missing. */
  errorText: string;
  testId: string;
};

/** Multiline reason input (up to 1000 characters) bound to {@link useReason}. */
export const ReasonField = ({ reason, errorText, testId, ...props }: ReasonFieldProps) => (
  <TextField
    multiline
    minRows={3}
    {...props}
    value={reason.value}
    onChange={(e) => reason.change(e.target.value)}
    error={reason.error}
    helperText={reason.error ? errorText : ' '}
    slotProps={{ htmlInput: { maxLength: 1000, 'data-testid': testId } }}
  />
);
