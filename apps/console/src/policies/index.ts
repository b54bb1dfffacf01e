import Icon from '@mui/icons-material/Policy';
import { PolicyList } from './PolicyList';
import { PolicyShow } from './PolicyShow';
import { PolicyEdit } from './PolicyEdit';
import type { PolicyRecord } from './model';

export default {
  list: PolicyList,
  show: PolicyShow,
  edit: PolicyEdit,
  icon: Icon,
  recordRepresentation: (r: PolicyRecord) => `v${r.version}`,
};
