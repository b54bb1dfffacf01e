import { defaultPolicy, PolicySchema } from '@qf/policy';
import { addMonths, addWorkingDays, isWorkingDay, localDate, workingDaysBetween, zoneOffsetMinutes } from './calendar';

const cal = defaultPolicy().calendar;
const national = PolicySchema.parse({
  calendar: {
    holidays: ['2024-10-01', '2024-10-02', '2024-10-03', '2024-10-04', '2024-10-07'],
    extraWorkingDays: ['2024-10-12'],
  },
}).calendar;

describe('working-day calendar', () => {
  it('C-13 Asia/Shanghai is UTC+08:00', () => {
    expect(zoneOffsetMinutes(Date.parse('2024-01-15T00:00:00Z'), 'Asia/Shanghai')).toBe(480);
    expect(zoneOffsetMinutes(Date.parse('2024-07-15T00:00:00Z'), 'Asia/Shanghai')).toBe(480);
    expect(localDate('2024-05-10T16:30:00Z', 'Asia/Shanghai')).toBe('2024-05-11');
  });

  it('C-13 working days skip weekends and keep the local time of day', () => {
    // Friday 10 May 2024 09:00 Shanghai + 3 working days → Wednesday 15 May 09:00
    expect(addWorkingDays('2024-05-10T01:00:00Z', 3, cal)).toBe('2024-05-15T01:00:00.000Z');
    expect(addWorkingDays('2024-05-10T01:00:00Z', 0, cal)).toBe('2024-05-10T01:00:00.000Z');
    expect(addWorkingDays('2024-05-15T01:00:00Z', -3, cal)).toBe('2024-05-10T01:00:00.000Z');
  });

  it('C-13 the local date decides the day: Friday 17:30Z is Saturday in Shanghai', () => {
    // Saturday 01:30 local + 1 working day → Monday 01:30 local
    expect(addWorkingDays('2024-05-10T17:30:00Z', 1, cal)).toBe('2024-05-12T17:30:00.000Z');
  });

  it('C-12 holidays are skipped and make-up weekend days count', () => {
    expect(isWorkingDay('2024-10-02', national)).toBe(false);
    expect(isWorkingDay('2024-10-12', national)).toBe(true);
    expect(addWorkingDays('2024-09-30T02:00:00Z', 1, national)).toBe('2024-10-08T02:00:00.000Z');
    // 8,9,10,11 Oct then Saturday 12 Oct (make-up day)
    expect(addWorkingDays('2024-09-30T02:00:00Z', 5, national)).toBe('2024-10-12T02:00:00.000Z');
  });

  it('C-13 workingDaysBetween counts working days after the start up to the end', () => {
    expect(workingDaysBetween('2024-05-10T01:00:00Z', '2024-05-15T01:00:00Z', cal)).toBe(3);
    expect(workingDaysBetween('2024-05-15T01:00:00Z', '2024-05-10T01:00:00Z', cal)).toBe(-3);
    expect(workingDaysBetween('2024-09-30T02:00:00Z', '2024-10-08T00:00:00Z', national)).toBe(1);
    const start = '2024-09-27T03:00:00Z';
    for (const n of [0, 1, 4, 9])
      expect(workingDaysBetween(start, addWorkingDays(start, n, national), national)).toBe(n);
  });

  it('S-3 month arithmetic clamps to the month end', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2023-08-01', 12)).toBe('2024-08-01');
    expect(addMonths('2024-03-15', -3)).toBe('2023-12-15');
  });
});
