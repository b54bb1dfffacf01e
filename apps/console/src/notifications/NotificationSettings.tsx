import { useEffect, useState } from 'react';
import {
  Alert,
  Button,
  Card,
  CardContent,
  Checkbox,
  CircularProgress,
  FormControlLabel,
  FormGroup,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { HttpError, Title, useNotify, useTranslate } from 'react-admin';
import { messageOf } from '../components/problem';
import { API_URL, httpClient } from '../dataProvider';

const T = 'qf.notification';

interface Preferences {
  email: string | null;
  channels: ('email' | 'webhook')[];
  webhookTargets: string[];
  availableTargets: { id: string; name: string; format: string }[];
  emailEnabled: boolean;
}

const KEY = ['notification-preferences', 'me'];

/** 通知设置 (issue 17): the user's own e-mail address and channels, and the group robots (configured by admins). */
export const NotificationSettings = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const client = useQueryClient();
  const q = useQuery({
    queryKey: KEY,
    queryFn: async () => (await httpClient(`${API_URL}/notification-preferences/me`)).json as Preferences,
  });
  const [email, setEmail] = useState('');
  const [channels, setChannels] = useState<Set<string>>(new Set());
  const [targets, setTargets] = useState<Set<string>>(new Set());
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!q.data) return;
    setEmail(q.data.email ?? '');
    setChannels(new Set(q.data.channels));
    setTargets(new Set(q.data.webhookTargets));
  }, [q.data]);

  const toggle = (set: Set<string>, put: (s: Set<string>) => void, v: string) => {
    const next = new Set(set);
    if (next.has(v)) next.delete(v);
    else next.add(v);
    put(next);
  };

  const save = async () => {
    setBusy(true);
    setErrors({});
    try {
      const body = {
        email: email.trim() || null,
        channels: [...channels],
        webhookTargets: channels.has('webhook') ? [...targets] : [],
      };
      await httpClient(`${API_URL}/notification-preferences/me`, { method: 'PUT', body: JSON.stringify(body) });
      await client.invalidateQueries({ queryKey: KEY });
      notify(`${T}.saved`, { type: 'success' });
    } catch (e) {
      const fieldErrors = (e instanceof HttpError && (e.body as { errors?: Record<string, unknown> })?.errors) || {};
      setErrors(
        Object.fromEntries(
          Object.entries(fieldErrors)
            .filter(([k]) => k !== 'root')
            .map(([k, v]) => [k.split('.')[0], String(v)]),
        ),
      );
      notify(messageOf(e, translate), { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  if (q.error) return <Alert severity="error">{messageOf(q.error, translate)}</Alert>;
  if (!q.data) return <CircularProgress size={24} />;
  const p = q.data;
  return (
    <Card sx={{ mt: 2, maxWidth: 640 }} data-testid="notification-settings">
      <Title title={translate(`${T}.settings_title`)} />
      <CardContent>
        <Stack spacing={2}>
          <Typography variant="body2" color="text.secondary">
            {translate(`${T}.settings_help`)}
          </Typography>
          <FormControlLabel
            control={
              <Checkbox
                checked={channels.has('email')}
                onChange={() => toggle(channels, setChannels, 'email')}
                disabled={!p.emailEnabled && !channels.has('email')}
              />
            }
            label={`${translate(`${T}.email_channel`)}${p.emailEnabled ? '' : translate(`${T}.email_disabled`)}`}
          />
          <TextField
            label={translate(`${T}.email`)}
            type="email"
            name="email"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            error={!!errors.email}
            helperText={errors.email ?? ' '}
            size="small"
          />
          <FormControlLabel
            control={
              <Checkbox checked={channels.has('webhook')} onChange={() => toggle(channels, setChannels, 'webhook')} />
            }
            label={translate(`${T}.webhook_channel`)}
          />
          {channels.has('webhook') && (
            <Stack spacing={0.5} sx={{ pl: 4 }}>
              <Typography variant="body2">{translate(`${T}.targets`)}</Typography>
              {p.availableTargets.length === 0 && (
                <Typography variant="body2" color="text.secondary">
                  {translate(`${T}.no_targets`)}
                </Typography>
              )}
              <FormGroup>
                {p.availableTargets.map((t) => (
                  <FormControlLabel
                    key={t.id}
                    control={
                      <Checkbox checked={targets.has(t.id)} onChange={() => toggle(targets, setTargets, t.id)} />
                    }
                    label={`${t.name}（${translate(`${T}.format.${t.format}`, { _: t.format })}）`}
                  />
                ))}
              </FormGroup>
              {errors.webhookTargets && <Alert severity="error">{errors.webhookTargets}</Alert>}
            </Stack>
          )}
          <div>
            <Button variant="contained" onClick={() => void save()} disabled={busy}>
              {translate(`${T}.save`)}
            </Button>
          </div>
        </Stack>
      </CardContent>
    </Card>
  );
};
