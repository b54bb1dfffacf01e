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
import { messageOf } from '../components/problem';
import { RuleTag } from '../components/RuleTag';
import { describeChange } from './format';
import type { PolicyRecord } from './model';

const versionName = (v: PolicyRecord) => (v.label ? `v${v.version} ${v.label}` : `v${v.version}`);

/** The changes between two versions, one row per changed value, named by its label with values in 元 / 分 / 天. */
export const PolicyChanges = ({ changes, here, there }: { changes: PolicyChange[]; here: string; there: string }) => {
  const translate = useTranslate();
  if (changes.length === 0)
    return <Typography color="text.secondary">{translate('qf.policy.no_differences')}</Typography>;
  return (
    <Table size="small" data-testid="policy-diff">
      <TableHead>
        <TableRow>
          <TableCell>{translate('qf.policy.changed_value')}</TableCell>
          <TableCell>{here}</TableCell>
          <TableCell>{there}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {changes.map((c) => {
          const d = describeChange(c.path, c.before, c.after, translate);
          return (
            <TableRow key={c.path}>
              <TableCell>
                {d.label}
                {d.rule && <RuleTag rule={d.rule} />}
              </TableCell>
              <TableCell sx={{ color: 'error.main' }}>{d.before}</TableCell>
              <TableCell sx={{ color: 'success.main' }}>{d.after}</TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
};

/** "Compare with…": picks another version and shows `GET /policies/:id/diff/:other` by label. Defaults to the version it came from. */
export const PolicyDiff = ({ record }: { record: PolicyRecord }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<QualityFlowDataProvider>();
  const { data: versions } = useGetList<PolicyRecord>('policies', {
    pagination: { page: 1, perPage: 200 },
    sort: { field: 'version', order: 'DESC' },
  });
  const others = (versions ?? []).filter((v) => String(v.id) !== String(record.id));
  const [other, setOther] = useState<string>('');
  const [changes, setChanges] = useState<PolicyChange[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  // a draft is compared with the newest published version by default
  useEffect(() => {
    if (other || record.status !== 'draft' || !versions) return;
    const base = versions.find((v) => v.status === 'published' && String(v.id) !== String(record.id));
    if (base) setOther(String(base.id));
  }, [versions, record.status, record.id, other]);

  useEffect(() => {
    if (!other) {
      setChanges(null);
      return;
    }
    let live = true;
    setLoading(true);
    setError(null);
    dataProvider
      .policyDiff(other, record.id)
      .then(({ data }) => live && setChanges(data))
      .catch((e: unknown) => live && setError(messageOf(e)))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [other, record.id, dataProvider]);

  const there = others.find((v) => String(v.id) === other);
  return (
    <Box>
      <MuiTextField
        select
        size="small"
        label={translate('qf.policy.compare_with')}
        value={other}
        onChange={(e) => setOther(e.target.value)}
        sx={{ minWidth: 320, mb: 2 }}
        data-testid="policy-compare"
      >
        <MenuItem value="">
          <em>{translate('qf.common.none')}</em>
        </MenuItem>
        {others.map((v) => (
          <MenuItem key={v.id} value={String(v.id)}>
            {versionName(v)} · {translate(`qf.version_status.${v.status}`)}
            {v.effectiveFrom ? ` · ${v.effectiveFrom}` : ''}
          </MenuItem>
        ))}
      </MuiTextField>
      {loading && <CircularProgress size={20} sx={{ ml: 2 }} />}
      {error && <Alert severity="error">{translate(error, { _: error })}</Alert>}
      {changes && !loading && there && (
        <PolicyChanges changes={changes} here={versionName(there)} there={versionName(record)} />
      )}
    </Box>
  );
};
