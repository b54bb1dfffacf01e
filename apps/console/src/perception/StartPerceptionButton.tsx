import { StartMonthButton } from '../components/StartMonthButton';

/** 发起月度考核 (quality, admin): `POST /perception-months {month}`; a month still running is refused (409). */
export const StartPerceptionButton = () => (
  <StartMonthButton
    resource="perception-months"
    keys="qf.perception.start"
    monthLabel="resources.perception-months.fields.month"
    testId="perception-month"
  />
);
