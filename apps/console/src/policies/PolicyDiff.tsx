import { useEffect, useState } from 'react';
import {
  Alert,
  Box,
  CircularProgress,
  MenuItem,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField as MuiTextField,
  Typography,
} from '@mui/material';
import { useDataProvider, useGetList, useTranslate } from 'react-admin';
import type { PolicyChange, QualityFlowDataProvider } from '../dataProvider';
import { formatLeaf, type PolicyRecord } from './model';

/** "Compare with…": picks another version and shows `GET /policies/:id/diff/:other` as a table. */
export const PolicyDiff = ({ record }: { record: PolicyRecord }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<QualityFlowDataProvider>();
  const [other, setOther] = useState<string>('');
  const [changes, setChanges] = useState<PolicyChange[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const { data: versions } = useGetList<PolicyRecord>('policies', {
    pagination: { page: 1, perPage: 200 },
    sort: { field: 'version', order: 'DESC' },
  });

  useEffect(() => {
    if (!other) {
      setChanges(null);
      return;
    }
    let live = true;
    setLoading(true);
    setError(null);
    dataProvider
      .policyDiff(record.id, other)
      .then(({ data }) => live && setChanges(data))
      .catch((e: { message?: string }) => live && setError(e?.message || translate('ra.notification.http_error')))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [other, record.id, dataProvider, translate]);

  const others = (versions ?? []).filter((v) => String(v.id) !== String(record.id));
  const here = `v${record.version}`;
  const there = other ? `v${other}` : '';

  return (
    <Box>
      <MuiTextField
        select
        size="small"
        label={translate('qf.policy.compare_with')}
        value={other}
        onChange={(e) => setOther(e.target.value)}
        sx={{ minWidth: 260, mb: 2 }}
      >
        <MenuItem value="">
          <em>{translate('qf.common.none')}</em>
        </MenuItem>
        {others.map((v) => (
          <MenuItem key={v.id} value={String(v.id)}>
            v{v.version} · {translate(`qf.version_status.${v.status}`)}
            {v.effectiveFrom ? ` · ${v.effectiveFrom}` : ''}
          </MenuItem>
        ))}
      </MuiTextField>
      {loading && <CircularProgress size={20} sx={{ ml: 2 }} />}
      {error && <Alert severity="error">{error}</Alert>}
      {changes && !loading && changes.length === 0 && (
        <Typography color="text.secondary">{translate('qf.policy.no_differences')}</Typography>
      )}
      {changes && !loading && changes.length > 0 && (
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{translate('qf.policy.path')}</TableCell>
              <TableCell>{here}</TableCell>
              <TableCell>{there}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {changes.map((c) => (
              <TableRow key={c.path}>
                <TableCell sx={{ fontFamily: 'monospace', fontSize: 12.5 }}>{c.path}</TableCell>
                <TableCell sx={{ color: 'error.main' }}>{formatLeaf(c.path, c.before)}</TableCell>
                <TableCell sx={{ color: 'success.main' }}>{formatLeaf(c.path, c.after)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Box>
  );
};
