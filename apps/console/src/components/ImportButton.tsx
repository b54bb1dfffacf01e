import { useRef, useState } from 'react';
import UploadIcon from '@mui/icons-material/UploadFile';
import {
  Alert,
  Box,
  Button as MuiButton,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  LinearProgress,
  Link as MuiLink,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { Button, HttpError, useNotify, useRefresh, useTranslate } from 'react-admin';
import { detailMessage, problemMessage, problemOf } from './problem';
import { RuleTag } from './RuleTag';
import { tokenStore } from '../authProvider/tokenStore';
import { API_URL } from '../dataProvider';
import { saveText } from './download';

interface Detail {
  path: string;
  message: string;
  rule?: string;
}

type Phase =
  | { kind: 'idle' }
  | { kind: 'uploading'; percent: number | null }
  | { kind: 'processing'; server?: ServerProgress }
  | { kind: 'failed'; message: string; details: Detail[]; rejected: boolean };

/** `GET /imports/:id` (when the api records progress for an `importId`). */
interface ServerProgress {
  phase: string;
  processed: number;
  total: number;
}

const fetchProgress = async (importId: string): Promise<ServerProgress | null> => {
  const token = tokenStore.token;
  const res = await fetch(`${API_URL}/imports/${importId}`, {
    headers: { Accept: 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
  });
  if (!res.ok) return null;
  const json = (await res.json()) as Partial<ServerProgress>;
  return typeof json.phase === 'string'
    ? { phase: json.phase, processed: Number(json.processed ?? 0), total: Number(json.total ?? 0) }
    : null;
};

const newImportId = (): string | null =>
  typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : null;

/** Upload with XMLHttpRequest (fetch has no upload progress). Resolves with the status and parsed JSON. */
const upload = (
  endpoint: string,
  file: File,
  importId: string | null,
  onProgress: (percent: number | null) => void,
  onSent: () => void,
) =>
  new Promise<{ status: number; json: unknown }>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${API_URL}/${endpoint}`);
    const token = tokenStore.token;
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (e) => onProgress(e.lengthComputable ? Math.round((e.loaded / e.total) * 100) : null);
    xhr.upload.onload = () => onSent();
    xhr.onload = () => {
      let json: unknown = null;
      try {
        json = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        json = null;
      }
      resolve({ status: xhr.status, json });
    };
    xhr.onerror = () => reject(new Error('network error'));
    xhr.onabort = () => reject(new Error('aborted'));
    const form = new FormData();
    // optional: the api records the processing phases under this id (polled while the server works)
    if (importId) form.append('importId', importId);
    form.append('file', file, file.name);
    xhr.send(form);
  });

const ACCEPT = '.xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv';
const acceptable = (f: File) => /\.(xlsx|csv)$/i.test(f.name);

export interface ImportButtonProps {
  /** api path under /api, e.g. `employees/import` */
  endpoint: string;
  /** header of the template CSV (the api matches the names exactly) */
  columns: readonly string[];
  templateName: string;
  titleKey: string;
  helpKey: string;
  doneKey: string;
}

/** Where a refusal points, in words: "第 3 行 · 结果" for `row 3.value`, else the header/file/field label. */
const rowLabel = (path: string, translate: (key: string, opts?: Record<string, unknown>) => string): string => {
  const field = (f: string) => translate(`qf.import_row.field.${f}`, { _: f });
  const m = /^row (\d+)(?:\.(.+))?$/.exec(path);
  if (m) return [translate('qf.import_row.n', { n: m[1] }), ...(m[2] ? [field(m[2])] : [])].join(' · ');
  return translate(`qf.import_row.${path}`, { _: field(path) });
};

/**
 * "Import" for a list (employees, work orders): choose an .xlsx/.csv, upload with progress
 * (xhr.upload.onprogress), then the server's processing phases when it records them (`GET /imports/:id`);
 * every bad row on 400 (all-or-nothing: nothing is imported then).
 */
export const ImportButton = ({ endpoint, columns, templateName, titleKey, helpKey, doneKey }: ImportButtonProps) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const inputRef = useRef<HTMLInputElement>(null);
  const busy = phase.kind === 'uploading' || phase.kind === 'processing';

  const reset = () => {
    setFile(null);
    setPhase({ kind: 'idle' });
    if (inputRef.current) inputRef.current.value = '';
  };
  const close = () => {
    if (busy) return;
    setOpen(false);
    reset();
  };

  const downloadTemplate = (e: React.MouseEvent) => {
    e.preventDefault();
    // Header only (no BOM: the api matches the header names exactly).
    saveText(`${columns.join(',')}\r\n`, templateName);
  };

  const start = async () => {
    if (!file) return;
    setPhase({ kind: 'uploading', percent: 0 });
    const importId = newImportId();
    let polling: ReturnType<typeof setInterval> | undefined;
    const startPolling = () => {
      if (!importId || polling) return;
      polling = setInterval(() => {
        fetchProgress(importId)
          .then((server) => {
            if (server) setPhase((p) => (p.kind === 'processing' ? { kind: 'processing', server } : p));
          })
          .catch(() => undefined);
      }, 500);
    };
    try {
      const { status, json } = await upload(
        endpoint,
        file,
        importId,
        (percent) => setPhase({ kind: 'uploading', percent }),
        () => {
          setPhase({ kind: 'processing' });
          startPolling();
        },
      ).finally(() => clearInterval(polling));
      const body = (json ?? {}) as { imported?: unknown; message?: unknown; details?: unknown };
      if (status >= 200 && status < 300) {
        notify(doneKey, { type: 'success', messageArgs: { n: Number(body.imported ?? 0) } });
        setOpen(false);
        reset();
        refresh();
        return;
      }
      if (status === 401) {
        notify('ra.notification.logged_out', { type: 'error' });
      }
      // each refusal in the user's language, from its code and params (problem.ts)
      const problem = problemOf(new HttpError(`HTTP ${status}`, status, body));
      const details = problem.details.map((d) => ({
        path: d.path,
        message: detailMessage(d, translate),
        rule: d.rule,
      }));
      setPhase({
        kind: 'failed',
        message: problemMessage(problem, translate),
        details,
        rejected: status === 400,
      });
    } catch (e) {
      setPhase({ kind: 'failed', message: (e as Error).message, details: [], rejected: false });
    }
  };

  return (
    <>
      <Button label="qf.import.button" onClick={() => setOpen(true)}>
        <UploadIcon />
      </Button>
      <Dialog open={open} onClose={close} maxWidth="md" fullWidth>
        <DialogTitle>{translate(titleKey)}</DialogTitle>
        <DialogContent>
          <Typography variant="body2" gutterBottom>
            {translate(helpKey)}
          </Typography>
          <Typography variant="body2" sx={{ fontFamily: 'monospace', fontSize: 12, mb: 1, wordBreak: 'break-all' }}>
            {columns.join(',')}
          </Typography>
          <MuiLink href="#" onClick={downloadTemplate}>
            {translate('qf.import.template')}
          </MuiLink>
          <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, my: 2 }}>
            <MuiButton variant="outlined" component="label" disabled={busy}>
              {translate('qf.import.choose')}
              <input
                ref={inputRef}
                type="file"
                hidden
                accept={ACCEPT}
                onChange={(e) => {
                  const f = e.target.files?.[0] ?? null;
                  setPhase({ kind: 'idle' });
                  if (f && !acceptable(f)) {
                    setFile(null);
                    notify('qf.import.wrong_type', { type: 'warning' });
                    return;
                  }
                  setFile(f);
                }}
              />
            </MuiButton>
            <Typography variant="body2" color={file ? 'text.primary' : 'text.secondary'}>
              {file ? `${file.name} (${Math.max(1, Math.round(file.size / 1024))} KB)` : translate('qf.import.no_file')}
            </Typography>
          </Box>
          {phase.kind === 'uploading' && (
            <Box>
              <Typography variant="body2">
                {translate('qf.import.uploading')} {phase.percent !== null ? `${phase.percent}%` : ''}
              </Typography>
              <LinearProgress
                variant={phase.percent !== null ? 'determinate' : 'indeterminate'}
                value={phase.percent ?? undefined}
              />
            </Box>
          )}
          {phase.kind === 'processing' && (
            <Box>
              <Typography variant="body2">
                {translate('qf.import.processing')}
                {phase.server
                  ? ` ${translate(`qf.work_order.import_phase.${phase.server.phase}`, { _: phase.server.phase })}${
                      phase.server.total > 0 ? ` ${phase.server.processed}/${phase.server.total}` : ''
                    }`
                  : ''}
              </Typography>
              <LinearProgress
                variant={phase.server && phase.server.total > 0 ? 'determinate' : 'indeterminate'}
                value={
                  phase.server && phase.server.total > 0
                    ? Math.round((phase.server.processed / phase.server.total) * 100)
                    : undefined
                }
              />
            </Box>
          )}
          {phase.kind === 'failed' && (
            <Box>
              <Alert severity="error" sx={{ mb: 1 }}>
                {phase.message}
                {phase.rejected && (
                  <>
                    <br />
                    <strong>{translate('qf.import.nothing_imported')}</strong>
                  </>
                )}
              </Alert>
              {phase.details.length > 0 && (
                <Box sx={{ maxHeight: 320, overflow: 'auto' }}>
                  <Table size="small" stickyHeader>
                    <TableHead>
                      <TableRow>
                        <TableCell>{translate('qf.import.row')}</TableCell>
                        <TableCell>{translate('qf.import.problem')}</TableCell>
                      </TableRow>
                    </TableHead>
                    <TableBody>
                      {phase.details.map((d, i) => (
                        <TableRow key={i}>
                          <TableCell sx={{ whiteSpace: 'nowrap' }}>{rowLabel(d.path, translate)}</TableCell>
                          <TableCell>
                            {d.message} {d.rule && <RuleTag rule={d.rule} />}
                          </TableCell>
                        </TableRow>
                      ))}
                    </TableBody>
                  </Table>
                </Box>
              )}
            </Box>
          )}
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={close} disabled={busy}>
            {translate('ra.action.close')}
          </MuiButton>
          <MuiButton variant="contained" onClick={start} disabled={!file || busy}>
            {translate('qf.import.upload')}
          </MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
};
