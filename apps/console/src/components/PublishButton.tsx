import { useState } from 'react';
import PublishIcon from '@mui/icons-material/Publish';
import { Button, Confirm, useDataProvider, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import type { QualityFlowDataProvider } from '../dataProvider';

/**
 * Publishes the draft in the record context after a confirmation (flows, policies); a published
 * version is immutable, so the button only shows on drafts. Goes to the show page afterwards.
 */
export const PublishButton = ({ resource, disabled }: { resource: 'flows' | 'policies'; disabled?: boolean }) => {
  const record = useRecordContext<{ id: string | number; status?: string }>();
  const dataProvider = useDataProvider<QualityFlowDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const navigate = useNavigate();
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!record || record.status !== 'draft') return null;

  const publish = async () => {
    setBusy(true);
    try {
      await dataProvider.publish(resource, record.id);
      notify('qf.publish.done', { type: 'success' });
      setOpen(false);
      navigate(`/${resource}/${encodeURIComponent(String(record.id))}/show`);
      refresh();
    } catch (e) {
      const err = e as { message?: string; body?: { details?: { path?: string; message?: string }[] } };
      const details = (err.body?.details ?? []).map((d) => `${d.path ?? ''}: ${d.message ?? ''}`).join('; ');
      notify(details ? `${err.message ?? ''} (${details})` : err.message || 'ra.notification.http_error', {
        type: 'error',
      });
      setOpen(false);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button label="qf.publish.button" onClick={() => setOpen(true)} disabled={disabled || busy}>
        <PublishIcon />
      </Button>
      <Confirm
        isOpen={open}
        loading={busy}
        title="qf.publish.title"
        content={translate('qf.publish.content', { id: String(record.id) })}
        confirm="qf.publish.button"
        onConfirm={publish}
        onClose={() => setOpen(false)}
      />
    </>
  );
};
