import Icon from '@mui/icons-material/Science';
import { SimulationTitle } from './SimulationTitle';
import { lazyView } from '../components/lazy';

const SimulationList = lazyView(() => import('./SimulationList'), 'SimulationList');
const SimulationShow = lazyView(() => import('./SimulationShow'), 'SimulationShow');

export { SimulateButton } from './SimulateButton';

export default {
  list: SimulationList,
  show: SimulationShow,
  icon: Icon,
  recordRepresentation: <SimulationTitle />,
};
