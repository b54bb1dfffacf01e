import {
  Alert,
  Box,
  Chip,
  CircularProgress,
  FormControl,
  InputLabel,
  MenuItem,
  Select,
  Stack,
  Tooltip,
  Typography,
} from '@mui/material';
import {
  Datagrid,
  FunctionField,
  Link,
  ListBase,
  Pagination,
  useListContext,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { useQuery } from '@tanstack/react-query';
import { formatPoints } from '../components/format';
import { API_URL, httpClient } from '../dataProvider';
import {
  caseUrl,
  flagDetail,
  flagSet,
  formatYuan,
  GRADES,
  rowsResource,
  type SettlementBranch,
  type SettlementRow,
  type SettlementWhy,
} from './model';
import { WhyList, WhyTags } from './RowWhy';

const ALL = '';

/** Grade and branch filters (the api filters `grade` and `branchId`). */
const RowFilters = ({ branches }: { branches: SettlementBranch[] }) => {
  const translate = useTranslate();
  const { filterValues, setFilters } = useListContext<SettlementRow>();
  const set = (key: 'grade' | 'branchId', value: string) => {
    const next: Record<string, unknown> = { ...filterValues };
    if (value === ALL) delete next[key];
    else next[key] = value;
    setFilters(next, undefined, false);
  };
  return (
    <Stack direction="row" spacing={2} useFlexGap sx={{ mb: 1, flexWrap: 'wrap', alignItems: 'center' }}>
      <FormControl size="small" sx={{ width: 160 }}>
        <InputLabel id="settlement-grade">{translate('qf.settlement.row.grade')}</InputLabel>
        <Select
          labelId="settlement-grade"
          label={translate('qf.settlement.row.grade')}
          value={typeof filterValues.grade === 'string' ? filterValues.grade : ALL}
          onChange={(e) => set('grade', e.target.value)}
        >
          <MenuItem value={ALL}>{translate('qf.settlement.all')}</MenuItem>
          {GRADES.map((g) => (
            <MenuItem key={g} value={g}>
              {g}
            </MenuItem>
          ))}
        </Select>
      </FormControl>
      {branches.length > 1 && (
        <FormControl size="small" sx={{ width: 220 }}>
          <InputLabel id="settlement-branch">{translate('qf.settlement.row.branch')}</InputLabel>
          <Select
            labelId="settlement-branch"
            label={translate('qf.settlement.row.branch')}
            value={typeof filterValues.branchId === 'string' ? filterValues.branchId : ALL}
            onChange={(e) => set('branchId', e.target.value)}
          >
            <MenuItem value={ALL}>{translate('qf.settlement.all')}</MenuItem>
            {branches.map((b) => (
              <MenuItem key={b.branchId} value={b.branchId}>
                {b.branchName ?? '—'}
              </MenuItem>
            ))}
          </Select>
        </FormControl>
      )}
    </Stack>
  );
};

export const GradeChip = ({ grade }: { grade: string | null | undefined }) =>
  grade ? <Chip size="small" color={grade === 'P5' ? 'error' : 'warning'} label={grade} /> : <span>—</span>;

/** Suspension / exit / training consequences as small chips (details in a tooltip when the api gives any). */
const Flags = ({ row }: { row: SettlementRow }) => {
  const translate = useTranslate();
  const flags = (['suspension', 'exit', 'training'] as const).filter((k) => flagSet(row[k]));
  if (flags.length === 0) return <span>—</span>;
  return (
    <Stack direction="row" spacing={0.5}>
      {flags.map((k) => {
        const chip = <Chip size="small" variant="outlined" label={translate(`qf.settlement.row.${k}`)} />;
        const detail = flagDetail(row[k]);
        return detail ? (
          <Tooltip key={k} title={detail}>
            {chip}
          </Tooltip>
        ) : (
          <span key={k}>{chip}</span>
        );
      })}
    </Stack>
  );
};

/**
 * Issue 18: the why of an opened row with the cases each rule counted, by number (`GET …/rows/:employeeId/why`): the
 * rows of a close name the ledger group of their cases, not the ids. Rows stored with their case ids need no call.
 */
const useRowWhy = (settlementId: string, row: SettlementRow | undefined) =>
  useQuery({
    queryKey: ['settlements', settlementId, 'row-why', row?.employeeId],
    enabled: !!row && Array.isArray(row.why) && row.why.some((w) => w.facts?.ledgerCases),
    queryFn: async () =>
      (
        await httpClient(
          `${API_URL}/settlements/${encodeURIComponent(settlementId)}/rows/${encodeURIComponent(String(row?.employeeId))}/why`,
        )
      ).json as { why: SettlementWhy[] },
  });

/** Drill-down of one employee: the reasons (rule + message) and the cases they come from. */
const RowDetail = ({ settlementId }: { settlementId: string }) => {
  const translate = useTranslate();
  const row = useRecordContext<SettlementRow>();
  const opened = useRowWhy(settlementId, row);
  if (!row) return null;
  const reasons = Array.isArray(row.reasons) ? row.reasons : [];
  const cases = Array.isArray(row.sourceCaseList)
    ? row.sourceCaseList
    : (Array.isArray(row.sourceCases) ? row.sourceCases : []).map((id) => ({
        id,
        title: translate('qf.process_ui.settlement.case'),
      }));
  return (
    <Box sx={{ px: 2, py: 1 }} data-testid="settlement-row-detail">
      {/* the why appears with its cases (a failed read: the rules and counts without them) */}
      {opened.isLoading ? <CircularProgress size={20} /> : <WhyList why={opened.data?.why ?? row.why} />}
      {/* rows computed before the why (issue 16) keep their reasons */}
      {Array.isArray(row.why) && row.why.length > 0 ? null : (
        <Typography variant="subtitle2">{translate('qf.settlement.row.reasons')}</Typography>
      )}
      {Array.isArray(row.why) && row.why.length > 0 ? null : reasons.length === 0 ? (
        <Typography color="text.secondary">{translate('qf.settlement.row.no_reasons')}</Typography>
      ) : (
        <Box component="ul" sx={{ my: 0.5, pl: 2 }}>
          {reasons.map((r, i) => (
            <li key={`${r.rule}-${i}`}>
              <Chip size="small" label={r.rule} sx={{ mr: 1 }} />
              {r.messageZh ?? r.message}
            </li>
          ))}
        </Box>
      )}
      <Typography variant="subtitle2" sx={{ mt: 1 }}>
        {translate('qf.settlement.row.source_cases')}
      </Typography>
      {cases.length === 0 ? (
        <Typography color="text.secondary">{translate('qf.settlement.row.no_cases')}</Typography>
      ) : (
        <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
          {cases.map((c) => (
            <Link key={c.id} to={caseUrl(c.id)}>
              {c.title}
            </Link>
          ))}
        </Stack>
      )}
    </Box>
  );
};

const RowsError = () => {
  const { error } = useListContext();
  return error ? <Alert severity="error">{(error as Error).message}</Alert> : null;
};

const hasDetail = (r: SettlementRow) =>
  (Array.isArray(r.why) && r.why.length > 0) ||
  (Array.isArray(r.reasons) && r.reasons.length > 0) ||
  (Array.isArray(r.sourceCases) && r.sourceCases.length > 0);

/**
 * Employee rows of one close (`GET /settlements/:id/rows`, resource `settlement-rows`) through the data provider
 * with the resource `settlements/:id/rows`; paging, sorting (points, money, grade, name) and filters stay local.
 * Branch heads only get their own branch from the api.
 */
export const SettlementRows = ({
  id,
  branches,
  branchId,
  perPage = 25,
}: {
  id: string;
  branches: SettlementBranch[];
  branchId?: string | null;
  perPage?: number;
}) => {
  const translate = useTranslate();
  const branchName = new Map(branches.map((b) => [b.branchId, b.branchName ?? '—']));
  return (
    <ListBase
      resource={rowsResource(id)}
      disableSyncWithLocation
      storeKey={false}
      sort={{ field: 'points', order: 'DESC' }}
      perPage={perPage}
      filter={branchId ? { branchId } : undefined}
    >
      <RowFilters branches={branchId ? [] : branches} />
      <RowsError />
      <Datagrid
        bulkActionButtons={false}
        rowClick="expand"
        expand={<RowDetail settlementId={id} />}
        isRowExpandable={hasDetail}
        empty={<EmptyRows />}
      >
        <FunctionField
          source="name"
          label="qf.settlement.row.name"
          render={(r: SettlementRow) => r.displayName ?? `${r.name}（${r.code}）`}
        />
        <FunctionField
          source="branchId"
          label="qf.settlement.row.branch"
          sortable={false}
          render={(r: SettlementRow) =>
            r.branchId ? (branchName.get(r.branchId) ?? '—') : translate('qf.process_ui.settlement.company_level')
          }
        />
        <FunctionField
          source="points"
          label="qf.settlement.row.points"
          textAlign="right"
          render={(r: SettlementRow) => formatPoints(r.points)}
        />
        <FunctionField
          source="moneyFen"
          sortBy="money"
          label="qf.settlement.row.money"
          textAlign="right"
          render={(r: SettlementRow) => (
            <>
              {formatYuan(r.moneyFen)}
              <WhyTags why={r.why} on="money" />
            </>
          )}
        />
        <FunctionField
          source="finesFen"
          label="qf.settlement_why.fines"
          textAlign="right"
          sortable={false}
          render={(r: SettlementRow) => (
            <>
              {formatYuan(r.finesFen ?? 0)}
              <WhyTags why={r.why} on="fines" />
            </>
          )}
        />
        <FunctionField
          source="grade"
          label="qf.settlement.row.grade"
          render={(r: SettlementRow) => (
            <>
              <GradeChip grade={r.grade} />
              {r.grade && <WhyTags why={r.why} on="grade" />}
            </>
          )}
        />
        <FunctionField
          source="suspension"
          label="qf.settlement.row.flags"
          sortable={false}
          render={(r: SettlementRow) => (
            <Stack direction="row" sx={{ alignItems: 'center' }}>
              <Flags row={r} />
              <WhyTags why={r.why} on={['suspension', 'exit', 'training']} />
            </Stack>
          )}
        />
        <FunctionField
          source="sourceCases"
          label="qf.settlement.row.source_cases"
          sortable={false}
          render={(r: SettlementRow) => (Array.isArray(r.sourceCases) ? r.sourceCases.length : 0)}
        />
      </Datagrid>
      <Pagination rowsPerPageOptions={[10, 25, 50, 100]} />
    </ListBase>
  );
};

const EmptyRows = () => (
  <Typography color="text.secondary" sx={{ p: 2 }}>
    {useTranslate()('qf.settlement.row.empty')}
  </Typography>
);
