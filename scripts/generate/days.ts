/**
 * Dates as whole days since 1970-01-01 (UTC), so the generator can add, compare and clamp
 * with integer arithmetic and only format ISO text when it writes a row. The benchmark makes
 * millions of dates, so conversions are pure arithmetic (Howard Hinnant's civil-date
 * algorithms) rather than Date objects, and each day's text is made once.
 */

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a proleptic Gregorian date (month 1-12). */
export function daysFromCivil(year: number, month: number, dayOfMonth: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + dayOfMonth - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** [year, month 1-12, day of month] of a day number. */
export function civilFromDays(day: number): [number, number, number] {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

const daysInMonth = (year: number, month: number): number => daysFromCivil(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) - daysFromCivil(year, month, 1);

export function dayOf(iso: string): number {
  const m = ISO.exec(iso);
  if (!m) throw new Error(`"${iso}" is not an ISO date (yyyy-mm-dd)`);
  const [year, month, dom] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || dom < 1 || dom > daysInMonth(year, month)) throw new Error(`"${iso}" is not a real calendar date`);
  return daysFromCivil(year, month, dom);
}

// Text for days from 1950 to 2100, made on first use; anything else is formatted each time.
const CACHE_FROM = daysFromCivil(1950, 1, 1);
const isoCache: (string | undefined)[] = new Array(daysFromCivil(2100, 1, 1) - CACHE_FROM);

function formatIso(day: number): string {
  const [y, m, d] = civilFromDays(day);
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

export function isoOf(day: number): string {
  const i = day - CACHE_FROM;
  if (i < 0 || i >= isoCache.length) return formatIso(day);
  return (isoCache[i] ??= formatIso(day));
}

/** The same day of the month `months` later, clamped to the month's end (31 Aug + 6 = 28/29 Feb). */
export function addMonths(day: number, months: number): number {
  const [y, m, d] = civilFromDays(day);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return daysFromCivil(year, month, Math.min(d, daysInMonth(year, month)));
}

/** Start year of the financial year (April-March) containing the day. */
export function financialYearOf(day: number): number {
  const [y, m] = civilFromDays(day);
  return m >= 4 ? y : y - 1;
}

/** 1 April of a financial year's start year. */
export function financialYearStart(startYear: number): number {
  return daysFromCivil(startYear, 4, 1);
}

/** 31 March ending a financial year. */
export function financialYearEnd(startYear: number): number {
  return daysFromCivil(startYear + 1, 3, 31);
}
