import ScoresIcon from '@mui/icons-material/EmojiEvents';
import { Box, Chip, Typography } from '@mui/material';
import { Button, Datagrid, FunctionField, List, TextField, TopToolbar, useTranslate } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import { DateTimeField } from '../components/fields';
import { AssignButton } from './AssignButton';
import { WorkOrderImportButton } from './ImportButton';

export interface WorkOrderRecord {
  id: string;
  orderNo: string;
  faultKey: string | null;
  repeatReport: boolean;
  source: string;
  repairerId: string;
  repairerName: string | null;
  teamUnitId: string;
  teamName?: string | null;
  reporter: string | null;
  reportedAt: string | null;
  closedAt: string;
}

const Empty = () => (
  <Box sx={{ p: 2 }}>
    <Typography color="text.secondary">{useTranslate()('qf.work_order.empty')}</Typography>
  </Box>
);

const ScoresButton = () => {
  const navigate = useNavigate();
  return (
    <Button label="qf.work_order.scores" onClick={() => navigate('/scores')}>
      <ScoresIcon />
    </Button>
  );
};

/** 工单 (E-1): closed repair orders; import a file, assign the day's evaluations, see the month's scores. */
export const WorkOrderList = () => {
  const translate = useTranslate();
  return (
    <List
      sort={{ field: 'closedAt', order: 'DESC' }}
      perPage={25}
      exporter={false}
      // the import and assign buttons must show on an empty list too (the first thing done is an import)
      empty={false}
      actions={
        <TopToolbar>
          <WorkOrderImportButton />
          <AssignButton />
          <ScoresButton />
        </TopToolbar>
      }
    >
      <Datagrid bulkActionButtons={false} rowClick="show" empty={<Empty />}>
        <TextField source="orderNo" />
        <TextField source="faultKey" sortable={false} emptyText="—" />
        <FunctionField
          source="repeatReport"
          sortable={false}
          render={(r: WorkOrderRecord) =>
            r.repeatReport ? <Chip size="small" color="warning" label={translate('qf.work_order.repeat')} /> : null
          }
        />
        <FunctionField
          source="source"
          sortable={false}
          render={(r: WorkOrderRecord) =>
            translate(`qf.work_order.source.${r.source}`, { _: translate('qf.process_ui.work_order.source_other') })
          }
        />
        <TextField source="repairerName" sortable={false} emptyText="—" />
        <TextField source="teamName" label="resources.work-orders.fields.teamUnitId" sortable={false} emptyText="—" />
        <TextField source="reporter" sortable={false} emptyText="—" />
        <DateTimeField source="reportedAt" sortable={false} />
        <DateTimeField source="closedAt" />
      </Datagrid>
    </List>
  );
};
