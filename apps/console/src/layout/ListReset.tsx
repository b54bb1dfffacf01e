import { useEffect } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { useNotify, useStoreContext } from 'react-admin';
import { LIST_RESET_EVENT } from '../dataProvider';

/**
 * When the api refused a list's sort or filter (dataProvider.getListRecovering), forget the stored list parameters
 * of that resource, drop them from the address and say so — the list then shows its default view.
 */
export const ListReset = () => {
  const store = useStoreContext();
  const notify = useNotify();
  const navigate = useNavigate();
  const location = useLocation();
  useEffect(() => {
    const onReset = (ev: Event) => {
      const resource = (ev as CustomEvent<{ resource: string }>).detail?.resource;
      if (!resource) return;
      store.removeItem(`${resource}.listParams`);
      store.removeItem(`${resource}.datagrid`);
      if (location.pathname === `/${resource}` && location.search) navigate(`/${resource}`, { replace: true });
      notify('qf.case_ui.list_reset', { type: 'warning' });
    };
    window.addEventListener(LIST_RESET_EVENT, onReset);
    return () => window.removeEventListener(LIST_RESET_EVENT, onReset);
  }, [store, notify, navigate, location]);
  return null;
};
