import { useState } from 'react';
import CopyIcon from '@mui/icons-material/ContentCopy';
import DeleteIcon from '@mui/icons-material/Delete';
import {
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  TextField as MuiTextField,
  Typography,
} from '@mui/material';
import {
  Button,
  Confirm,
  EditButton,
  TopToolbar,
  useDataProvider,
  useNotify,
  usePermissions,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { useNavigate } from 'react-router-dom';
import { hasRole } from '../authProvider/access';
import { PublishButton } from '../components/PublishButton';
import { messageOf, problemOf } from '../components/problem';

type Resource = 'flows' | 'policies';
interface VersionLike {
  id: string | number;
  status: string;
  version: number;
  label?: string;
}

/**
 * "New draft from this version": asks the draft's name (名称) and description (说明), POSTs a copy of the
 * record (shaped by `payload`) and opens the new draft's edit page. The api numbers it and records the author.
 */
export const NewVersionButton = <R extends VersionLike>({
  resource,
  payload,
}: {
  resource: Resource;
  payload: (r: R) => Record<string, unknown>;
}) => {
  const record = useRecordContext<R>();
  const dataProvider = useDataProvider();
  const notify = useNotify();
  const navigate = useNavigate();
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const [label, setLabel] = useState('');
  const [description, setDescription] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!record) return null;
  const submit = async () => {
    if (!label.trim()) {
      setError(translate('qf.policy.v.label_required'));
      return;
    }
    setBusy(true);
    try {
      const { data } = await dataProvider.create(resource, {
        data: { ...payload(record), label: label.trim(), description: description.trim() },
      });
      notify('qf.new_draft.done', {
        type: 'success',
        messageArgs: { id: `v${(data as { version?: number }).version ?? ''} ${label.trim()}` },
      });
      setOpen(false);
      navigate(`/${resource}/${encodeURIComponent(String(data.id))}`);
    } catch (e) {
      const p = problemOf(e);
      setError(translate(p.message, { _: p.message }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button label="qf.new_draft.button" onClick={() => setOpen(true)} data-testid="new-draft">
        <CopyIcon />
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="sm">
        <DialogTitle>{translate('qf.version.new_title', { version: `v${record.version}` })}</DialogTitle>
        <DialogContent>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
            {translate('qf.version.new_help')}
          </Typography>
          <MuiTextField
            autoFocus
            fullWidth
            margin="dense"
            name="label"
            label={translate('qf.version.label')}
            value={label}
            onChange={(e) => {
              setLabel(e.target.value);
              setError(null);
            }}
            error={!!error}
            helperText={error ?? translate('qf.version.label_help')}
            slotProps={{ htmlInput: { maxLength: 60 } }}
          />
          <MuiTextField
            fullWidth
            margin="dense"
            name="description"
            label={translate('qf.version.description')}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
            multiline
            minRows={2}
            slotProps={{ htmlInput: { maxLength: 500 } }}
          />
        </DialogContent>
        <DialogActions>
          <Button label="ra.action.cancel" onClick={() => setOpen(false)} />
          <Button label="qf.version.create" onClick={submit} disabled={busy} variant="contained" />
        </DialogActions>
      </Dialog>
    </>
  );
};

/** Deletes a draft after a confirmation (a published version cannot be deleted: the api answers 409). */
export const DeleteDraftButton = ({ resource }: { resource: Resource }) => {
  const record = useRecordContext<VersionLike>();
  const dataProvider = useDataProvider();
  const notify = useNotify();
  const navigate = useNavigate();
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!record || record.status !== 'draft') return null;
  const remove = async () => {
    setBusy(true);
    try {
      await dataProvider.delete(resource, { id: record.id, previousData: record });
      notify('qf.version.deleted', { type: 'info' });
      setOpen(false);
      navigate(`/${resource}`);
    } catch (e) {
      const m = messageOf(e);
      notify(translate(m, { _: m }), { type: 'error' });
      setOpen(false);
    } finally {
      setBusy(false);
    }
  };
  const name = record.label ? `v${record.version} ${record.label}` : `v${record.version}`;
  return (
    <>
      <Button label="qf.version.delete" onClick={() => setOpen(true)} color="error" data-testid="delete-draft">
        <DeleteIcon />
      </Button>
      <Confirm
        isOpen={open}
        loading={busy}
        title="qf.version.delete_title"
        content={translate('qf.version.delete_content', { name })}
        confirm="qf.version.delete"
        onConfirm={remove}
        onClose={() => setOpen(false)}
      />
    </>
  );
};

/** Show-page toolbar of a version (flows, policies): edit, publish and delete a draft; a new draft from any version (admins). */
export const VersionActions = <R extends VersionLike>({
  resource,
  payload,
}: {
  resource: Resource;
  payload: (r: R) => Record<string, unknown>;
}) => {
  const record = useRecordContext<R>();
  const { permissions } = usePermissions();
  if (!record || !hasRole(permissions, [])) return <TopToolbar />;
  return (
    <TopToolbar>
      {record.status === 'draft' && <EditButton />}
      {record.status === 'draft' && <PublishButton resource={resource} />}
      {record.status === 'draft' && <DeleteDraftButton resource={resource} />}
      <NewVersionButton<R> resource={resource} payload={payload} />
    </TopToolbar>
  );
};
