/** Dates as GOV.UK writes them: "14 August 2013", read in UTC so the day never shifts. */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;

const dateFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/**
 * Formats an ISO date ("2013-08-14", or a timestamp whose date part is used) as
 * "14 August 2013". Throws on anything else so a bad date never reaches a page as "Invalid Date".
 */
export function formatDate(iso: string): string {
  const m = ISO_DATE.exec(iso);
  if (!m) throw new RangeError(`formatDate: expected an ISO date such as "2013-08-14", got "${iso}"`);
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 31 June over to 1 July; a date that does not exist is an error in the data.
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    throw new RangeError(`formatDate: "${iso}" is not a real date`);
  }
  return dateFormat.format(date);
}
