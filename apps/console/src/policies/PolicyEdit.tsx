import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Alert, AlertTitle, Box, Divider, TextField as MuiTextField, Typography } from '@mui/material';
import {
  DateInput,
  Edit,
  HttpError,
  Link,
  NumberInput,
  SaveButton,
  SimpleForm,
  Toolbar,
  useNotify,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { useFormContext, useFormState, useWatch } from 'react-hook-form';
import { PolicySchema } from '@qf/policy';
import { PublishButton } from '../components/PublishButton';
import { PolicySummary } from './PolicyShow';
import { fieldLabelKey, isRec, POLICY_NUMBER_FIELDS, type PolicyRecord } from './model';

interface Detail {
  path: string;
  message: string;
}

const pathOf = (segments: readonly PropertyKey[]) =>
  segments.map((s) => (typeof s === 'number' ? `[${s}]` : `.${String(s)}`)).join('').replace(/^\./, '');

/** Issues of a policy body by the api's own schema, with api-style paths (`body.complaints.x`). */
const policyIssues = (body: unknown): Detail[] => {
  const r = PolicySchema.safeParse(isRec(body) ? body : {});
  if (r.success) return [];
  return r.error.issues.map((i) => ({ path: `body.${pathOf(i.path)}`, message: i.message }));
};

const getIn = (v: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((o, k) => (isRec(o) ? o[k] : undefined), v);

/** Inline checks of the inputs on the form; everything else is listed by IssueList. */
const validate = (values: Record<string, unknown>) => {
  const errors: Record<string, unknown> = {};
  const setErr = (path: string, message: unknown) => {
    const keys = path.split('.');
    let node = errors;
    keys.slice(0, -1).forEach((k) => {
      if (!isRec(node[k])) node[k] = {};
      node = node[k] as Record<string, unknown>;
    });
    node[keys[keys.length - 1]] = message;
  };
  const eff = values.effectiveFrom;
  if (eff !== null && eff !== undefined && eff !== '' && !/^\d{4}-\d{2}-\d{2}$/.test(String(eff))) {
    setErr('effectiveFrom', 'qf.policy.v.date');
  }
  for (const f of POLICY_NUMBER_FIELDS) {
    const v = getIn(values.body, f.path);
    if (v === null || v === undefined || v === '') setErr(`body.${f.path}`, 'ra.validation.required');
    else if (typeof v !== 'number' || !Number.isInteger(v)) setErr(`body.${f.path}`, 'qf.flow.v.integer');
    else if (v < f.min) setErr(`body.${f.path}`, { message: 'ra.validation.minValue', args: { min: f.min } });
    else if (f.max !== undefined && v > f.max) setErr(`body.${f.path}`, { message: 'ra.validation.maxValue', args: { max: f.max } });
  }
  return errors;
};

/** The whole body as JSON; applied to the form when it parses (on blur or with the button). */
const JsonBodyEditor = () => {
  const translate = useTranslate();
  const { setValue } = useFormContext();
  const body = useWatch({ name: 'body' });
  const [text, setText] = useState(() => JSON.stringify(body ?? {}, null, 2));
  const [error, setError] = useState<string | null>(null);
  const editing = useRef(false);

  // Follow changes made through the number inputs while the text is not being edited.
  useEffect(() => {
    if (!editing.current) setText(JSON.stringify(body ?? {}, null, 2));
  }, [body]);

  const apply = () => {
    try {
      const parsed = JSON.parse(text) as unknown;
      if (!isRec(parsed)) throw new Error(translate('qf.policy.json_not_object'));
      setValue('body', parsed, { shouldDirty: true, shouldValidate: true });
      setError(null);
      editing.current = false;
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <Box sx={{ width: '100%' }}>
      <MuiTextField
        label={translate('qf.policy.json')}
        value={text}
        onChange={(e) => {
          editing.current = true;
          setText(e.target.value);
        }}
        onBlur={() => editing.current && apply()}
        multiline
        minRows={12}
        maxRows={30}
        fullWidth
        error={!!error}
        helperText={error ? translate('qf.policy.json_invalid', { error }) : translate('qf.policy.json_help')}
        slotProps={{ htmlInput: { spellCheck: false, style: { fontFamily: 'monospace', fontSize: 12.5 } } }}
      />
    </Box>
  );
};

/** Live schema issues of the body, plus the server's 400 details of the last save. */
const IssueList = ({ serverDetails }: { serverDetails: Detail[] }) => {
  const translate = useTranslate();
  const body = useWatch({ name: 'body' });
  const local = useMemo(() => policyIssues(body), [body]);
  if (local.length === 0 && serverDetails.length === 0) return null;
  return (
    <Box sx={{ width: '100%', display: 'flex', flexDirection: 'column', gap: 1, mb: 2 }}>
      {serverDetails.length > 0 && (
        <Alert severity="error">
          <AlertTitle>{translate('qf.policy.server_errors')}</AlertTitle>
          {serverDetails.map((d, i) => (
            <div key={i}>
              <code>{d.path}</code>: {d.message}
            </div>
          ))}
        </Alert>
      )}
      {local.length > 0 && (
        <Alert severity="warning">
          <AlertTitle>{translate('qf.policy.local_errors')}</AlertTitle>
          {local.map((d, i) => (
            <div key={i}>
              <code>{d.path}</code>: {d.message}
            </div>
          ))}
        </Alert>
      )}
    </Box>
  );
};

const PolicyEditToolbar = () => {
  const { isDirty } = useFormState();
  const translate = useTranslate();
  return (
    <Toolbar sx={{ gap: 2 }}>
      <SaveButton />
      <PublishButton resource="policies" disabled={isDirty} />
      {isDirty && (
        <Typography variant="caption" color="text.secondary">
          {translate('qf.publish.save_first')}
        </Typography>
      )}
    </Toolbar>
  );
};

const PolicyEditForm = ({ serverDetails }: { serverDetails: Detail[] }) => {
  const record = useRecordContext<PolicyRecord>();
  const translate = useTranslate();
  if (!record) return null;
  if (record.status !== 'draft') {
    return (
      <Box sx={{ p: 2 }}>
        <Alert severity="info">
          {translate('qf.policy.immutable')}{' '}
          <Link to={`/policies/${record.id}/show`}>{translate('qf.flow.open_show')}</Link>
        </Alert>
      </Box>
    );
  }
  return (
    <SimpleForm validate={validate} toolbar={<PolicyEditToolbar />} mode="onChange">
      <PolicySummary />
      <IssueList serverDetails={serverDetails} />
      <DateInput source="effectiveFrom" helperText="qf.policy.effective_help" sx={{ width: 260 }} />
      <Typography variant="subtitle1" sx={{ mt: 1 }}>
        {translate('qf.policy.complaint_numbers')}
      </Typography>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', columnGap: 2 }}>
        {POLICY_NUMBER_FIELDS.map((f) => (
          <NumberInput
            key={f.path}
            source={`body.${f.path}`}
            label={fieldLabelKey(f.path)}
            min={f.min}
            max={f.max}
            step={1}
            sx={{ width: 260 }}
          />
        ))}
      </Box>
      <Divider sx={{ my: 2, width: '100%' }} />
      <JsonBodyEditor />
    </SimpleForm>
  );
};

/** Sends `{body, effectiveFrom}`; an empty date is "not set yet" (publishing then needs one). */
const transform = (values: Record<string, unknown>) => {
  const eff = values.effectiveFrom;
  return {
    body: values.body,
    effectiveFrom: typeof eff === 'string' && eff ? eff.slice(0, 10) : null,
  };
};

export const PolicyEdit = () => {
  const notify = useNotify();
  const [serverDetails, setServerDetails] = useState<Detail[]>([]);
  const onError = useCallback(
    (error: unknown) => {
      const err = error as HttpError;
      const body = (err?.body ?? {}) as { details?: { path?: unknown; message?: unknown }[] };
      const details = Array.isArray(body.details)
        ? body.details.map((d) => ({ path: String(d.path ?? ''), message: String(d.message ?? '') }))
        : [];
      setServerDetails(details);
      notify(err?.message || 'ra.notification.http_error', { type: 'error' });
    },
    [notify],
  );
  const onSuccess = useCallback(() => {
    setServerDetails([]);
    notify('ra.notification.updated', { type: 'info', messageArgs: { smart_count: 1 } });
  }, [notify]);
  return (
    <Edit mutationMode="pessimistic" transform={transform} redirect={false} mutationOptions={{ onError, onSuccess }}>
      <PolicyEditForm serverDetails={serverDetails} />
    </Edit>
  );
};
