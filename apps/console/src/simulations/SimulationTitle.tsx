import { useRecordContext, useTranslate } from 'react-admin';
import type { SimulationRecord } from './model';

/** A simulation named by its policy version (第 2 版), in the user's language. */
export const SimulationTitle = () => {
  const record = useRecordContext<SimulationRecord>();
  const translate = useTranslate();
  return record ? <>{translate('qf.simulation.version', { version: record.policyVersion })}</> : null;
};
