import { useState } from 'react';
import DownloadIcon from '@mui/icons-material/Download';
import { Stack } from '@mui/material';
import { Button, useNotify } from 'react-admin';
import { downloadWithToken } from '../components/download';
import { API_URL } from '../dataProvider';

type Format = 'xlsx' | 'csv';

/** H-3 payroll file (hr, admin): `GET /settlements/:id/export?format=xlsx|csv` with the bearer token. */
export const ExportButtons = ({ id, month }: { id: string; month?: string }) => {
  const notify = useNotify();
  const [busy, setBusy] = useState<Format | null>(null);
  const download = async (format: Format) => {
    setBusy(format);
    try {
      await downloadWithToken(
        `${API_URL}/settlements/${encodeURIComponent(id)}/export?format=${format}`,
        `settlement-${month ?? id}.${format}`,
      );
    } catch (e) {
      notify((e as Error)?.message || 'ra.notification.http_error', { type: 'error' });
    } finally {
      setBusy(null);
    }
  };
  return (
    <Stack direction="row" spacing={1}>
      <Button label="qf.settlement.export_xlsx" onClick={() => download('xlsx')} disabled={busy !== null}>
        <DownloadIcon />
      </Button>
      <Button label="qf.settlement.export_csv" onClick={() => download('csv')} disabled={busy !== null}>
        <DownloadIcon />
      </Button>
    </Stack>
  );
};
