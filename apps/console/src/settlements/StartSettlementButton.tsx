import { StartMonthButton } from '../components/StartMonthButton';

/** "Start month close" (hr, admin): `POST /settlements {month}`; a bad, locked or running month stays in the dialog. */
export const StartSettlementButton = () => (
  <StartMonthButton
    resource="settlements"
    keys="qf.settlement.start"
    monthLabel="resources.settlements.fields.month"
    monthHelp="qf.process_ui.settlement.month_help"
    testId="settlement-month"
  />
);
