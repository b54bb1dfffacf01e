import { Box, Button, Chip, Typography } from '@mui/material';
import { Link } from 'react-router-dom';
import { Datagrid, DateField, FunctionField, List, useTranslate } from 'react-admin';
import type { SimulationRecord } from './model';

const Status = ({ r }: { r: SimulationRecord }) => {
  const translate = useTranslate();
  return <Chip size="small" label={translate(`qf.simulation.status.${r.status}`)} />;
};

/** No simulation yet: where one is started (a draft policy's 模拟 button), with the way there. */
const Empty = () => {
  const translate = useTranslate();
  return (
    <Box sx={{ p: 3 }} data-testid="simulations-empty">
      <Typography color="text.secondary" gutterBottom>
        {translate('qf.simulation.list_empty')}
      </Typography>
      <Button component={Link} to="/policies" variant="outlined">
        {translate('qf.simulation.to_policies')}
      </Button>
    </Box>
  );
};

/** What-if simulations (admins): which version against which, over which months. */
export const SimulationList = () => {
  const translate = useTranslate();
  return (
    <List sort={{ field: 'createdAt', order: 'DESC' }} exporter={false} empty={<Empty />}>
      <Datagrid bulkActionButtons={false} rowClick="show">
        <FunctionField
          source="policyVersion"
          label="qf.simulation.col.version"
          render={(r: SimulationRecord) =>
            `${translate('qf.simulation.version', { version: r.policyVersion })} ↔ ${
              r.baselineVersion
                ? translate('qf.simulation.version', { version: r.baselineVersion })
                : translate('qf.simulation.defaults')
            }`
          }
        />
        <FunctionField
          label="qf.simulation.col.months"
          render={(r: SimulationRecord) => r.months.join('、')}
          sortable={false}
        />
        <FunctionField
          source="status"
          label="qf.simulation.col.status"
          render={(r: SimulationRecord) => <Status r={r} />}
        />
        <DateField source="createdAt" label="qf.simulation.col.created" showTime />
      </Datagrid>
    </List>
  );
};
