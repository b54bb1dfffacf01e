import { useRecordContext, useTranslate, type RaRecord } from 'react-admin';

/** A show page's title: one translation of the record in context (empty while it loads). */
export const RecordTitle = <R extends RaRecord>({
  messageKey,
  args,
}: {
  messageKey: string;
  args: (record: R) => Record<string, unknown>;
}) => {
  const record = useRecordContext<R>();
  const translate = useTranslate();
  return <span>{record ? translate(messageKey, args(record)) : ''}</span>;
};
