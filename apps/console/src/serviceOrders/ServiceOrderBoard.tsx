import { Box, Tab, Tabs, Typography } from '@mui/material';
import {
  CreateButton,
  Datagrid,
  FunctionField,
  List,
  ReferenceInput,
  AutocompleteInput,
  SearchInput,
  SelectInput,
  TextField,
  TopToolbar,
  useListContext,
  usePermissions,
  useTranslate,
} from 'react-admin';
import { hasRole } from '../authProvider';
import { DateTimeField } from '../components/fields';
import { ImportButton } from '../components/ImportButton';
import { ORDER_KINDS, ORDER_STAGES, type ServiceOrderRecord } from './model';
import { LateChips } from './OrderDetails';

const T = 'qf.orders';
const VIEWS = ['open', 'late', 'redispatched', 'all'] as const;

/** 未办结 / 已超时 / 重新派单 / 全部: one filter each, kept with the others. */
const ViewTabs = () => {
  const translate = useTranslate();
  const { filterValues, setFilters, displayedFilters } = useListContext();
  const view = filterValues.late
    ? 'late'
    : filterValues.redispatched
      ? 'redispatched'
      : filterValues.open
        ? 'open'
        : 'all';
  const choose = (v: string) => {
    const { late: _l, redispatched: _r, open: _o, ...rest } = filterValues;
    setFilters({ ...rest, ...(v === 'all' ? {} : { [v]: true }) }, displayedFilters);
  };
  return (
    <Tabs value={view} onChange={(_, v) => choose(v)} sx={{ px: 1 }}>
      {VIEWS.map((v) => (
        <Tab key={v} value={v} label={translate(`${T}.view.${v}`)} data-testid={`orders-view-${v}`} />
      ))}
    </Tabs>
  );
};

const Empty = () => (
  <Box sx={{ p: 2 }}>
    <Typography color="text.secondary">{useTranslate()(`${T}.empty`)}</Typography>
  </Box>
);

const IMPORT_COLUMNS = [
  '工单号',
  '工单类型',
  '处理单位编码',
  '受理时间',
  '处理人工号',
  '响应时间',
  '办结时间',
] as const;

/** 工单时限看板 (K-1, K-2): open, late and re-dispatched orders with their deadlines. */
export const ServiceOrderBoard = () => {
  const translate = useTranslate();
  const { permissions } = usePermissions();
  const filters = [
    <SearchInput key="q" source="q" alwaysOn placeholder={translate('resources.service-orders.fields.q')} />,
    <SelectInput
      key="stage"
      source="stage"
      alwaysOn
      choices={ORDER_STAGES.map((id) => ({ id, name: `${T}.stage.${id}` }))}
    />,
    <SelectInput
      key="kind"
      source="kind"
      alwaysOn
      choices={ORDER_KINDS.map((id) => ({ id, name: `${T}.kind.${id}` }))}
    />,
    <ReferenceInput key="unitId" source="unitId" reference="org-units" alwaysOn>
      <AutocompleteInput optionText="name" label="resources.service-orders.fields.unitId" />
    </ReferenceInput>,
  ];
  return (
    <List
      title={translate(`${T}.title`)}
      sort={{ field: 'acceptedAt', order: 'DESC' }}
      filterDefaultValues={{ open: true }}
      filters={filters}
      perPage={25}
      exporter={false}
      empty={false}
      actions={
        <TopToolbar>
          {hasRole(permissions, ['dispatcher', 'manager']) && <CreateButton label={`${T}.create_title`} />}
          {hasRole(permissions, ['dispatcher']) && (
            <ImportButton
              endpoint="service-orders/import"
              columns={IMPORT_COLUMNS}
              templateName="service-orders-template.csv"
              titleKey={`${T}.import_title`}
              helpKey={`${T}.import_help`}
              doneKey={`${T}.import_done`}
            />
          )}
        </TopToolbar>
      }
    >
      <ViewTabs />
      <Datagrid bulkActionButtons={false} rowClick="show" empty={<Empty />}>
        <TextField source="orderNo" />
        <FunctionField source="kind" render={(r: ServiceOrderRecord) => translate(`${T}.kind.${r.kind}`)} />
        <FunctionField
          source="stage"
          sortable={false}
          render={(r: ServiceOrderRecord) => translate(`${T}.stage.${r.stage}`)}
        />
        <TextField source="unitName" sortable={false} />
        <TextField source="handlerName" sortable={false} emptyText="—" />
        <DateTimeField source="acceptedAt" />
        <DateTimeField source="respondDueAt" />
        <DateTimeField source="completeDueAt" />
        <FunctionField source="late" sortable={false} render={(r: ServiceOrderRecord) => <LateChips r={r} />} />
        <TextField source="redispatchCount" />
      </Datagrid>
    </List>
  );
};
