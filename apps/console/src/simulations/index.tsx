import Icon from '@mui/icons-material/Science';
import { SimulationList } from './SimulationList';
import { SimulationShow } from './SimulationShow';
import { SimulationTitle } from './SimulationTitle';

export { SimulateButton } from './SimulateButton';

export default {
  list: SimulationList,
  show: SimulationShow,
  icon: Icon,
  recordRepresentation: <SimulationTitle />,
};
