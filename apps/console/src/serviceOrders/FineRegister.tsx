import { useState } from 'react';
import GavelIcon from '@mui/icons-material/Gavel';
import { MenuItem, Stack, TextField, Typography } from '@mui/material';
import { Button, useTranslate } from 'react-admin';
import { ActionDialog } from '../components/ActionDialog';
import { ProblemDetails } from '../components/ProblemDetails';
import { API_URL, httpClient } from '../dataProvider';
import { PersonPicker, type Option } from './PersonPicker';
import { useDialogAction } from './useDialogAction';

const T = 'qf.fines';
const F = 'resources.service-fines.fields';
export const FINE_KINDS = [
  'attitude-complaint',
  'false-work-order',
  'data-entry-error',
  'standards-not-followed',
] as const;
/** K-8 ranges of the seeded policy, as a hint (the api checks the policy in effect). */
const HINT: Record<string, { min: number; max: number } | null> = {
  'attitude-complaint': { min: 50, max: 200 },
  'false-work-order': { min: 50, max: 200 },
  'data-entry-error': { min: 50, max: 50 },
  'standards-not-followed': null,
};

/** 登记违规罚款 (K-8): event, person, amount in 元 and reason; the person's direct lead then approves it. */
export const FineRegisterButton = () => {
  const translate = useTranslate();
  const [kind, setKind] = useState<string>(FINE_KINDS[0]);
  const [person, setPerson] = useState<Option | null>(null);
  const [yuan, setYuan] = useState('');
  const [description, setDescription] = useState('');
  const { open, show, close, busy, problem, fieldError, submitWith } = useDialogAction(`${T}.registered`, () => {
    setPerson(null);
    setYuan('');
    setDescription('');
  });
  const hint = HINT[kind];
  const amount = Number(yuan);
  const submit = submitWith(() =>
    httpClient(`${API_URL}/service-fines`, {
      method: 'POST',
      body: JSON.stringify({
        kind,
        employeeId: person?.id ?? '',
        ...(kind !== 'standards-not-followed' && yuan.trim() !== '' && Number.isFinite(amount)
          ? { amountFen: Math.round(amount * 100) }
          : {}),
        description,
      }),
    }),
  );
  return (
    <>
      <Button label={`${T}.register`} onClick={show} data-testid="fine-register">
        <GavelIcon />
      </Button>
      <ActionDialog
        open={open}
        onClose={close}
        busy={busy}
        title={translate(`${T}.register_title`)}
        onSubmit={submit}
        confirmLabel="ra.action.save"
        confirmTestId="fine-register-confirm"
      >
        <Stack spacing={2} sx={{ pt: 1 }}>
          <TextField
            select
            label={translate(`${F}.kind`)}
            value={kind}
            onChange={(e) => setKind(e.target.value)}
            slotProps={{ htmlInput: { 'data-testid': 'fine-kind' } }}
          >
            {FINE_KINDS.map((k) => (
              <MenuItem key={k} value={k}>
                {translate(`${T}.kind.${k}`)}
              </MenuItem>
            ))}
          </TextField>
          <PersonPicker
            label={translate(`${F}.employeeId`)}
            value={person}
            onChange={setPerson}
            error={fieldError('employeeId')}
            testId="fine-person"
          />
          {hint ? (
            <TextField
              label={translate(`${F}.amountYuan`)}
              value={yuan}
              onChange={(e) => setYuan(e.target.value)}
              {...fieldError('amountFen')}
              helperText={
                (fieldError('amountFen') as { helperText?: string }).helperText ??
                translate(`${T}.range`, { min: hint.min, max: hint.max })
              }
              slotProps={{ htmlInput: { inputMode: 'decimal', 'data-testid': 'fine-amount' } }}
            />
          ) : (
            <Typography variant="body2" color="text.secondary">
              {translate(`${T}.fixed`, { person: 30, lead: 30 })}
            </Typography>
          )}
          <TextField
            label={translate(`${F}.description`)}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
            multiline
            minRows={2}
            {...fieldError('description')}
            slotProps={{ htmlInput: { 'data-testid': 'fine-description' } }}
          />
          <ProblemDetails problem={problem} />
        </Stack>
      </ActionDialog>
    </>
  );
};
