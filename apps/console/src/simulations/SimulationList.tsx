import { Chip } from '@mui/material';
import { Datagrid, DateField, FunctionField, List, useTranslate } from 'react-admin';
import type { SimulationRecord } from './model';

const Status = ({ r }: { r: SimulationRecord }) => {
  const translate = useTranslate();
  return <Chip size="small" label={translate(`qf.simulation.status.${r.status}`)} />;
};

/** What-if simulations (admins): which version against which, over which months. */
export const SimulationList = () => {
  const translate = useTranslate();
  return (
    <List sort={{ field: 'createdAt', order: 'DESC' }} exporter={false}>
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
