import { useState, type FormEvent } from 'react';
import { useNotify, useRefresh, useTranslate } from 'react-admin';
import { detailMessage, problemOf, type Problem, type Translate } from '../components/problem';

/**
 * A dialog's form that sends one request (the order moves and tracking lines, a fine's registration): open/busy state,
 * the api's problem with each field's message, and on success close, reset, tell `doneKey` and refresh.
 */
export function useDialogAction(doneKey: string, reset: () => void = () => undefined) {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const fieldError = (path: string) => {
    const d = problem?.details.find((x) => x.path === path);
    return d ? { error: true, helperText: detailMessage(d, translate as Translate) } : {};
  };
  const submitWith = (send: () => Promise<unknown>) => async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      await send();
      setOpen(false);
      reset();
      notify(doneKey, { type: 'info' });
      refresh();
    } catch (err) {
      setProblem(problemOf(err));
    } finally {
      setBusy(false);
    }
  };
  return {
    open,
    show: () => setOpen(true),
    close: () => !busy && setOpen(false),
    busy,
    problem,
    fieldError,
    submitWith,
  };
}
