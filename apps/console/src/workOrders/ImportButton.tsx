import { ImportButton } from '../components/ImportButton';

/** E-1: the header of a work-order file (`orderNo`, `repairerCode`, `teamCode`, `closedAt` required). */
export const IMPORT_COLUMNS = [
  'orderNo',
  'faultKey',
  'repeatReport',
  'source',
  'repairerCode',
  'teamCode',
  'reporter',
  'reportedAt',
  'closedAt',
] as const;

export const WorkOrderImportButton = () => (
  <ImportButton
    endpoint="work-orders/import"
    columns={IMPORT_COLUMNS}
    templateName="work-orders-template.csv"
    titleKey="qf.work_order.import_title"
    helpKey="qf.work_order.import_help"
    doneKey="qf.work_order.import_done"
  />
);
