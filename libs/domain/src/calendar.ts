/**
 * Working-day calendar (C-12, C-13, P-5 deadlines). Instants are ISO UTC strings; business days follow
 * the organisation's time zone. The zone offset is read from Intl.DateTimeFormat, so any IANA zone works
 * (Asia/Shanghai is a fixed +08:00 without DST, which this also handles).
 */
export interface WorkCalendar {
  timeZone: string;
  /** YYYY-MM-DD public holidays. */
  holidays: readonly string[];
  /** YYYY-MM-DD make-up working days on a weekend (调休). */
  extraWorkingDays?: readonly string[];
  /** ISO weekdays that are working days, 1 = Monday … 7 = Sunday. */
  workingWeekdays: readonly number[];
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

interface LocalParts {
  date: string;
  /** milliseconds since local midnight */
  msOfDay: number;
}

function toMs(iso: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new RangeError(`not an ISO date-time: ${iso}`);
  return ms;
}

/** Offset of the zone from UTC at an instant, in minutes (Asia/Shanghai → 480). */
export function zoneOffsetMinutes(instantMs: number, timeZone: string): number {
  const parts = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(new Date(instantMs))
      .map((p) => [p.type, p.value]),
  );
  const wall = Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute, +parts.second);
  return Math.round((wall - (instantMs - (((instantMs % 1000) + 1000) % 1000))) / 60000);
}

function localParts(instantMs: number, timeZone: string): LocalParts {
  const local = instantMs + zoneOffsetMinutes(instantMs, timeZone) * 60000;
  const d = new Date(local);
  const date = d.toISOString().slice(0, 10);
  return { date, msOfDay: local - Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) };
}

function dateToUtcMs(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y, m - 1, d);
}

/** UTC instant of a local wall time in the zone. */
export function localTimeToUtc(date: string, msOfDay: number, timeZone: string): string {
  const wall = dateToUtcMs(date) + msOfDay;
  let guess = wall - zoneOffsetMinutes(wall, timeZone) * 60000;
  guess = wall - zoneOffsetMinutes(guess, timeZone) * 60000;
  return new Date(guess).toISOString();
}

/** The local calendar date (YYYY-MM-DD) of an instant in the zone. */
export function localDate(isoUtc: string, timeZone: string): string {
  return localParts(toMs(isoUtc), timeZone).date;
}

/** The local month (YYYY-MM) of an instant in the zone. */
export function localMonth(isoUtc: string, timeZone: string): string {
  return localDate(isoUtc, timeZone).slice(0, 7);
}

/** First instant of the next local day: the end of `date` in the zone. */
export function endOfLocalDay(date: string, timeZone: string): string {
  return localTimeToUtc(addDays(date, 1), 0, timeZone);
}

export function addDays(date: string, days: number): string {
  return new Date(dateToUtcMs(date) + days * 86400000).toISOString().slice(0, 10);
}

/** Calendar months, clamped to the month's last day (2024-01-31 + 1 → 2024-02-29). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const idx = y * 12 + (m - 1) + months;
  const ny = Math.floor(idx / 12);
  const nm = idx - ny * 12;
  const last = new Date(Date.UTC(ny, nm + 1, 0)).getUTCDate();
  return `${String(ny).padStart(4, '0')}-${String(nm + 1).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const w = new Date(dateToUtcMs(date)).getUTCDay();
  return w === 0 ? 7 : w;
}

export function isWorkingDay(date: string, cal: WorkCalendar): boolean {
  if (cal.extraWorkingDays?.includes(date)) return true;
  if (cal.holidays.includes(date)) return false;
  return cal.workingWeekdays.includes(isoWeekday(date));
}

/**
 * C-12/C-13: the instant `days` working days after `startIsoUtc`, at the same local time of day.
 * Day one is the first working day after the start's local date; weekends and holidays are skipped.
 */
export function addWorkingDays(startIsoUtc: string, days: number, cal: WorkCalendar): string {
  if (!Number.isInteger(days)) throw new RangeError('days must be an integer');
  const { date, msOfDay } = localParts(toMs(startIsoUtc), cal.timeZone);
  const step = days < 0 ? -1 : 1;
  let d = date;
  let left = Math.abs(days);
  if (!cal.workingWeekdays.length) throw new RangeError('calendar has no working weekdays');
  while (left > 0) {
    d = addDays(d, step);
    if (isWorkingDay(d, cal)) left--;
  }
  return localTimeToUtc(d, msOfDay, cal.timeZone);
}

/**
 * Working days after the local date of `fromIsoUtc` up to and including the local date of `toIsoUtc`
 * (negative when `to` is earlier). workingDaysBetween(a, addWorkingDays(a, n)) === n.
 */
export function workingDaysBetween(fromIsoUtc: string, toIsoUtc: string, cal: WorkCalendar): number {
  const a = localDate(fromIsoUtc, cal.timeZone);
  const b = localDate(toIsoUtc, cal.timeZone);
  if (a === b) return 0;
  const [lo, hi, sign] = a < b ? [a, b, 1] : [b, a, -1];
  let n = 0;
  for (let d = addDays(lo, 1); d <= hi; d = addDays(d, 1)) if (isWorkingDay(d, cal)) n++;
  return n * sign;
}
