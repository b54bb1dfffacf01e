import { StartMonthButton } from '../components/StartMonthButton';

/** 发起月度考核 (quality, admin): `POST /scorecard-months {month}`; a month still running is refused (409). */
export const StartScorecardButton = () => (
  <StartMonthButton
    resource="scorecard-months"
    keys="qf.scorecard.start"
    monthLabel="resources.scorecard-months.fields.month"
    testId="scorecard-month"
  />
);
