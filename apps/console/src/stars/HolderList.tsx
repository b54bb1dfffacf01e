import { useState, type FormEvent } from 'react';
import DemoteIcon from '@mui/icons-material/TrendingDown';
import { Box, Button, Stack, TextField, Typography } from '@mui/material';
import {
  Datagrid,
  FunctionField,
  List,
  SelectInput,
  useNotify,
  usePermissions,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import type { StarHolderView } from '@qf/contracts/stars';
import { hasRole } from '../authProvider/access';
import { ActionDialog } from '../components/ActionDialog';
import { useApiCall, type Problem } from '../components/problem';
import { ReasonField, useReason } from '../components/ReasonField';
import { ProblemAlert, Stars } from './chips';
import { HistoryTable } from './HistoryTable';
import { DEMOTE_GROUNDS, levelChoices, num, starApi, type DemoteGround } from './model';
import { personLabel } from './texts';

/** Roles that may demote or revoke at once (S-11; the api allows committee and admin). */
const DEMOTERS = ['committee'] as const;

/** S-11: the committee demotes or revokes at once for "not at level" or "unqualified", with a reason. */
const DemoteButton = ({ holder }: { holder: StarHolderView }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const { busy, run } = useApiCall();
  const [open, setOpen] = useState(false);
  const [ground, setGround] = useState<DemoteGround>('not-at-level');
  const [toLevel, setToLevel] = useState<0 | 1 | 2>(0);
  const reason = useReason();
  const [problem, setProblem] = useState<Problem | null>(null);
  const targets = ([0, 1, 2] as const).filter((l) => l < holder.level);

  const close = () => {
    if (busy) return;
    setOpen(false);
    setProblem(null);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    const why = reason.required();
    if (!why) return;
    await run(async () => {
      await starApi.demote(holder.employeeId, { ground, reason: why, toLevel });
      notify('qf.star.holder.demoted', { type: 'success', messageArgs: { name: holder.employeeName } });
      setOpen(false);
      reason.clear();
      refresh();
    }, setProblem);
  };

  return (
    <>
      <Button
        size="small"
        color="error"
        variant="outlined"
        startIcon={<DemoteIcon />}
        onClick={() => setOpen(true)}
        data-testid={`star-demote-${holder.employeeCode}`}
      >
        {translate('qf.star.holder.demote')}
      </Button>
      <ActionDialog
        open={open}
        onClose={close}
        busy={busy}
        title={translate('qf.star.holder.demote_title', {
          name: personLabel(holder.employeeName, holder.employeeCode),
        })}
        onSubmit={submit}
        confirmLabel="qf.star.holder.demote_submit"
        confirmColor="error"
        confirmTestId="star-demote-submit"
      >
        <Stack spacing={2} sx={{ mt: 1 }}>
          <TextField
            select
            label={translate('qf.star.holder.ground')}
            value={ground}
            onChange={(e) => setGround(e.target.value as DemoteGround)}
            slotProps={{
              select: { native: true },
              inputLabel: { shrink: true },
              htmlInput: { 'data-testid': 'star-demote-ground' },
            }}
          >
            {DEMOTE_GROUNDS.map((g) => (
              <option key={g} value={g}>
                {translate(`qf.star.ground.${g}`)}
              </option>
            ))}
          </TextField>
          <TextField
            select
            label={translate('qf.star.holder.to_level')}
            value={toLevel}
            onChange={(e) => setToLevel(Number(e.target.value) as 0 | 1 | 2)}
            slotProps={{
              select: { native: true },
              inputLabel: { shrink: true },
              htmlInput: { 'data-testid': 'star-demote-level' },
            }}
          >
            {targets.map((l) => (
              <option key={l} value={l}>
                {l === 0 ? translate('qf.star.holder.revoke') : translate('qf.star.level', { n: l })}
              </option>
            ))}
          </TextField>
          <ReasonField
            label={translate('qf.star.holder.reason')}
            reason={reason}
            errorText={translate('qf.star.holder.reason_required')}
            testId="star-demote-reason"
          />
          <ProblemAlert problem={problem} testId="star-demote-error" />
        </Stack>
      </ActionDialog>
    </>
  );
};

/** Expanded row: the holder's history and, for the committee, the immediate demotion. */
const HolderDetail = () => {
  const holder = useRecordContext<StarHolderView>();
  const translate = useTranslate();
  const { permissions } = usePermissions();
  if (!holder) return null;
  return (
    <Box sx={{ px: 2, py: 1 }} data-testid="star-holder-detail">
      <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', mb: 1 }}>
        <Typography variant="subtitle2">{translate('qf.star.holder.history')}</Typography>
        {hasRole(permissions, DEMOTERS) && <DemoteButton holder={holder} />}
      </Stack>
      <HistoryTable employeeId={holder.employeeId} />
    </Box>
  );
};

const filters = [<SelectInput key="level" source="level" choices={levelChoices} alwaysOn />];

/** 星级客服: current holders (S-9…S-12); a row opens its history. The api sorts by level, since and employeeName. */
export const HolderList = () => (
  <List filters={filters} sort={{ field: 'level', order: 'DESC' }} perPage={25} exporter={false}>
    <Datagrid bulkActionButtons={false} rowClick="expand" expand={<HolderDetail />}>
      <FunctionField
        source="employeeName"
        render={(r: StarHolderView) => (
          <span data-testid={`star-holder-${r.employeeCode}`}>{personLabel(r.employeeName, r.employeeCode)}</span>
        )}
      />
      <FunctionField source="unitName" sortable={false} render={(r: StarHolderView) => r.unitName || '—'} />
      <FunctionField source="level" render={(r: StarHolderView) => <Stars level={r.level} />} />
      <FunctionField source="since" render={(r: StarHolderView) => r.since || '—'} />
      <FunctionField
        source="payFactorPercent"
        sortable={false}
        textAlign="right"
        render={(r: StarHolderView) =>
          typeof r.payFactorPercent === 'number' ? `${r.payFactorPercent}%` : num(r.payFactorPercent)
        }
      />
    </Datagrid>
  </List>
);
