import { ImportButton as GenericImportButton } from '../components/ImportButton';

/** O-1: the header of an employee file (the api matches the names exactly). */
export const IMPORT_COLUMNS = [
  'code',
  'name',
  'unitCode',
  'post',
  'postBonusFen',
  'hireDate',
  'jobType',
  'employmentType',
  'supervisorCode',
  'vpCode',
] as const;

/** "Import" on the employees list: all-or-nothing, every bad row listed. */
export const ImportButton = () => (
  <GenericImportButton
    endpoint="employees/import"
    columns={IMPORT_COLUMNS}
    templateName="employees-template.csv"
    titleKey="qf.import.title"
    helpKey="qf.import.help"
    doneKey="qf.import.done"
  />
);
