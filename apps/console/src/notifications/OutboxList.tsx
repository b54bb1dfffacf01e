import { useState } from 'react';
import ReplayIcon from '@mui/icons-material/Replay';
import { Chip, Tooltip } from '@mui/material';
import {
  Button,
  Datagrid,
  FunctionField,
  List,
  NumberField,
  SelectInput,
  TextField,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { DateTimeField } from '../components/fields';
import { messageOf } from '../components/problem';
import { API_URL, httpClient } from '../dataProvider';

const T = 'qf.notification';

export interface OutboxRecord {
  id: string;
  channel: 'email' | 'webhook';
  target: string;
  targetName: string | null;
  status: 'pending' | 'sent' | 'dead';
  attempts: number;
  lastError: string | null;
  recipient: string | null;
  message: string;
}

/** The last error in the reader's language (the raw text stays in the tooltip): status code, robot code, timeout… */
export const errorKey = (raw: string): { key: string; params?: Record<string, string> } => {
  const http = /^HTTP (\d{3})/.exec(raw);
  if (http) return { key: 'http', params: { status: http[1] } };
  const robot = /^errcode (-?\d+)/.exec(raw);
  if (robot) return { key: 'robot', params: { code: robot[1] } };
  if (/timeout|timed out|aborted/i.test(raw)) return { key: 'timeout' };
  if (/ECONNREFUSED|ENOTFOUND|EHOSTUNREACH|fetch failed/i.test(raw)) return { key: 'refused' };
  if (/^\d{3}\b|smtp|mail/i.test(raw)) return { key: 'smtp' };
  return { key: 'other' };
};

const LastError = () => {
  const translate = useTranslate();
  const r = useRecordContext<OutboxRecord>();
  if (!r?.lastError) return <span>—</span>;
  const { key, params } = errorKey(r.lastError);
  return (
    <Tooltip title={r.lastError}>
      <span>{translate(`${T}.error.${key}`, params)}</span>
    </Tooltip>
  );
};

/** A group robot by its name; an e-mail address only in the tooltip (the screen names people, not addresses). */
const Target = () => {
  const translate = useTranslate();
  const r = useRecordContext<OutboxRecord>();
  if (!r) return null;
  if (r.channel === 'webhook') return <span>{r.targetName ?? '—'}</span>;
  return (
    <Tooltip title={r.target}>
      <span>{translate(`${T}.personal_email`)}</span>
    </Tooltip>
  );
};

const Status = () => {
  const translate = useTranslate();
  const r = useRecordContext<OutboxRecord>();
  if (!r) return null;
  const color = r.status === 'sent' ? 'success' : r.status === 'dead' ? 'error' : 'default';
  return <Chip size="small" color={color} label={translate(`${T}.status.${r.status}`)} />;
};

const RetryButton = () => {
  const r = useRecordContext<OutboxRecord>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [busy, setBusy] = useState(false);
  if (!r || r.status === 'sent') return null;
  const retry = async () => {
    setBusy(true);
    try {
      await httpClient(`${API_URL}/notification-outbox/${encodeURIComponent(r.id)}/retry`, { method: 'POST' });
      notify(`${T}.retried`, { type: 'info' });
      refresh();
    } catch (e) {
      notify(messageOf(e, translate), { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button
      label={`${T}.retry`}
      disabled={busy}
      onClick={(e) => {
        e.stopPropagation();
        void retry();
      }}
    >
      <ReplayIcon />
    </Button>
  );
};

const useFilters = () => {
  const translate = useTranslate();
  return [
    <SelectInput
      key="status"
      source="status"
      alwaysOn
      choices={(['pending', 'sent', 'dead'] as const).map((s) => ({ id: s, name: translate(`${T}.status.${s}`) }))}
    />,
    <SelectInput
      key="channel"
      source="channel"
      choices={(['email', 'webhook'] as const).map((c) => ({ id: c, name: translate(`${T}.channel.${c}`) }))}
    />,
  ];
};

/** 通知投递 (admins, issue 17): each delivery's 状态、尝试次数、最后错误; a dead-lettered one is retried (重试). */
export const OutboxList = () => {
  const translate = useTranslate();
  return (
    <List filters={useFilters()} sort={{ field: 'id', order: 'DESC' }} exporter={false}>
      <Datagrid bulkActionButtons={false} rowClick={false}>
        <TextField source="id" sortable />
        <FunctionField source="status" render={() => <Status />} />
        <FunctionField
          source="channel"
          sortable={false}
          render={(r: OutboxRecord) => translate(`${T}.channel.${r.channel}`)}
        />
        <FunctionField source="target" sortable={false} render={() => <Target />} />
        <TextField source="recipient" sortable={false} emptyText="—" />
        <TextField source="message" sortable={false} />
        <NumberField source="attempts" />
        <FunctionField source="lastError" sortable={false} render={() => <LastError />} />
        <DateTimeField source="updatedAt" />
        <FunctionField label="" render={() => <RetryButton />} />
      </Datagrid>
    </List>
  );
};
