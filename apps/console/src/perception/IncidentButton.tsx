import { useState, type FormEvent } from 'react';
import ReportIcon from '@mui/icons-material/ReportProblem';
import { Autocomplete, Stack, TextField, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Button, useCreate, useGetList, useNotify, useTranslate } from 'react-admin';
import { ActionDialog } from '../components/ActionDialog';
import { detailMessage, problemOf, type Problem, type Translate } from '../components/problem';
import { ProblemDetails } from '../components/ProblemDetails';
import { API_URL, httpClient } from '../dataProvider';

const T = 'qf.indicators.incident';
type Option = { id: string; label: string };

/** 登记重大服务事件 (P-7, quality/admin): `POST /incidents`; it orders the department head's written-explanation interview. */
export const IncidentButton = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const [create, { isPending }] = useCreate();
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [occurredAt, setOccurredAt] = useState('');
  const [unit, setUnit] = useState<Option | null>(null);
  const [head, setHead] = useState<Option | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const units = useGetList<{ id: string; name: string }>(
    'org-units',
    { pagination: { page: 1, perPage: 500 }, sort: { field: 'name', order: 'ASC' } },
    { enabled: open },
  );
  const [headText, setHeadText] = useState('');
  // the quality department names anyone in the company: a search of its own (not the scoped employee list)
  const people = useQuery({
    queryKey: ['incident-heads', headText],
    enabled: open,
    queryFn: async () =>
      (await httpClient(`${API_URL}/incident-heads?${new URLSearchParams({ q: headText })}`)).json as {
        id: string;
        name: string;
      }[],
  });
  // each refused field says why under itself (an empty form: every field named)
  const fieldError = (path: string) => {
    const d = problem?.details.find((x) => x.path === path);
    return d ? { error: true, helperText: detailMessage(d, translate as Translate) } : {};
  };
  const unitOptions: Option[] = (units.data ?? []).map((u) => ({ id: u.id, label: u.name }));
  const personOptions: Option[] = (people.data ?? []).map((p) => ({ id: p.id, label: p.name }));

  const close = () => {
    if (isPending) return;
    setOpen(false);
    setProblem(null);
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    try {
      await create(
        'incidents',
        {
          data: {
            title,
            description,
            occurredAt: occurredAt ? new Date(occurredAt).toISOString() : '',
            unitId: unit?.id ?? '',
            departmentHeadId: head?.id ?? '',
            major: true,
          },
        },
        { returnPromise: true },
      );
      setOpen(false);
      notify(`${T}.done`, { type: 'info' });
    } catch (err) {
      setProblem(problemOf(err));
    }
  };
  return (
    <>
      <Button label={`${T}.button`} onClick={() => setOpen(true)}>
        <ReportIcon />
      </Button>
      <ActionDialog
        open={open}
        onClose={close}
        busy={isPending}
        maxWidth="sm"
        title={translate(`${T}.title`)}
        onSubmit={submit}
        confirmLabel={`${T}.submit`}
      >
        <Stack spacing={2} sx={{ pt: 1 }}>
          <Typography variant="body2" color="text.secondary">
            {translate(`${T}.help`)}
          </Typography>
          <TextField
            label={translate(`${T}.fields.title`)}
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            {...fieldError('title')}
            slotProps={{ htmlInput: { 'data-testid': 'incident-title' } }}
          />
          <TextField
            label={translate(`${T}.fields.description`)}
            value={description}
            multiline
            minRows={2}
            onChange={(e) => setDescription(e.target.value)}
            {...fieldError('description')}
            slotProps={{ htmlInput: { 'data-testid': 'incident-description' } }}
          />
          <TextField
            type="datetime-local"
            label={translate(`${T}.fields.occurredAt`)}
            value={occurredAt}
            onChange={(e) => setOccurredAt(e.target.value)}
            {...fieldError('occurredAt')}
            slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'incident-occurred' } }}
          />
          <Autocomplete
            options={unitOptions}
            value={unit}
            onChange={(_, v) => setUnit(v)}
            isOptionEqualToValue={(a, b) => a.id === b.id}
            renderInput={(p) => <TextField {...p} label={translate(`${T}.fields.unit`)} {...fieldError('unitId')} />}
          />
          <Autocomplete
            options={personOptions}
            value={head}
            onChange={(_, v) => setHead(v)}
            onInputChange={(_, v) => setHeadText(v)}
            filterOptions={(x) => x}
            isOptionEqualToValue={(a, b) => a.id === b.id}
            renderInput={(p) => (
              <TextField {...p} label={translate(`${T}.fields.departmentHead`)} {...fieldError('departmentHeadId')} />
            )}
          />
          <ProblemDetails problem={problem} />
        </Stack>
      </ActionDialog>
    </>
  );
};
