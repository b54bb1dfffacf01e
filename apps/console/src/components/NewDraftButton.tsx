import { useState } from 'react';
import CopyIcon from '@mui/icons-material/ContentCopy';
import { Button, useCreate, useNotify, useRecordContext } from 'react-admin';
import { useNavigate } from 'react-router-dom';

/**
 * "New draft from this version": POSTs a copy of the record (shaped by `payload`) and opens the new
 * draft's edit page. The api numbers the new version.
 */
export const NewDraftButton = <T extends { id: string | number }>({
  resource,
  payload,
}: {
  resource: 'flows' | 'policies';
  payload: (record: T) => Record<string, unknown>;
}) => {
  const record = useRecordContext<T>();
  const [create, { isPending }] = useCreate();
  const notify = useNotify();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  if (!record) return null;
  const onClick = () => {
    setBusy(true);
    create(
      resource,
      { data: payload(record) },
      {
        onSuccess: (data: { id: string | number }) => {
          setBusy(false);
          notify('qf.new_draft.done', { type: 'success', messageArgs: { id: String(data.id) } });
          navigate(`/${resource}/${encodeURIComponent(String(data.id))}`);
        },
        onError: (e) => {
          setBusy(false);
          const err = e as { message?: string };
          notify(err?.message || 'ra.notification.http_error', { type: 'error' });
        },
      },
    );
  };
  return (
    <Button label="qf.new_draft.button" onClick={onClick} disabled={busy || isPending}>
      <CopyIcon />
    </Button>
  );
};
