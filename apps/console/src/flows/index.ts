import Icon from '@mui/icons-material/Schema';
import { FlowList } from './FlowList';
import { FlowShow } from './FlowShow';
import { FlowEdit } from './FlowEdit';
import type { FlowRecord } from './model';

export default {
  list: FlowList,
  show: FlowShow,
  edit: FlowEdit,
  icon: Icon,
  recordRepresentation: (r: FlowRecord) => r.id,
};
