import Icon from '@mui/icons-material/Science';
import { SimulationList } from './SimulationList';
import { SimulationShow } from './SimulationShow';
import type { SimulationRecord } from './model';

export { SimulateButton } from './SimulateButton';

export default {
  list: SimulationList,
  show: SimulationShow,
  icon: Icon,
  recordRepresentation: (r: SimulationRecord) => `v${r.policyVersion}`,
};
