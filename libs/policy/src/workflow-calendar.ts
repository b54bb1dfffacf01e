import type { Policy } from './policy';

/** The working-day calendar a case's workflow pins (CaseWorkflowInput.calendar): the policy's, as plain lists. */
export function workflowCalendar(policy: Policy): {
  timeZone: string;
  holidays: string[];
  workingWeekdays: number[];
  extraWorkingDays: string[];
} {
  return {
    ...policy.calendar,
    holidays: [...policy.calendar.holidays],
    workingWeekdays: [...policy.calendar.workingWeekdays],
    extraWorkingDays: [...(policy.calendar.extraWorkingDays ?? [])],
  };
}
