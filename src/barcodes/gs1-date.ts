/**
 * GS1 dates (YYMMDD) to ISO dates. The century comes from today's date by the rule of the GS1
 * General Specifications 7.12, so a code stays readable for 49 years back and 50 ahead; the
 * current date is an argument because the core never reads the clock.
 */

export type Gs1DateResult =
  { ok: true; iso: string; dayGiven: boolean } | { ok: false; message: string };

const TODAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** True for a real calendar date written yyyy-mm-dd. */
export function isIsoDate(text: string): boolean {
  const match = TODAY_PATTERN.exec(text);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** The full year for a two-digit year, given the current full year (GS1 GenSpecs 7.12). */
export function gs1FullYear(twoDigitYear: number, currentYear: number): number {
  const century = currentYear - (currentYear % 100);
  const difference = twoDigitYear - (currentYear % 100);
  if (difference >= 51) return century - 100 + twoDigitYear;
  if (difference <= -50) return century + 100 + twoDigitYear;
  return century + twoDigitYear;
}

function pad2(value: number): string {
  return String(value).padStart(2, '0');
}

/**
 * Reads a YYMMDD date. With `dayOptional`, DD = 00 stands for the last day of the month (how
 * GS1 writes "best before end of"); otherwise 00 is an error like any impossible day.
 */
export function parseGs1Date(yymmdd: string, today: string, dayOptional: boolean): Gs1DateResult {
  if (!isIsoDate(today)) throw new Error(`Today "${today}" is not a yyyy-mm-dd date.`);
  if (!/^\d{6}$/.test(yymmdd)) return { ok: false, message: `"${yymmdd}" is not YYMMDD` };
  const year = gs1FullYear(Number(yymmdd.slice(0, 2)), Number(today.slice(0, 4)));
  const month = Number(yymmdd.slice(2, 4));
  const day = Number(yymmdd.slice(4, 6));
  if (month < 1 || month > 12) {
    return { ok: false, message: `${yymmdd}: there is no month ${pad2(month)}` };
  }
  const lastDay = daysInMonth(year, month);
  if (day === 0) {
    if (!dayOptional) return { ok: false, message: `${yymmdd}: day 00 is not allowed here` };
    return { ok: true, iso: `${year}-${pad2(month)}-${pad2(lastDay)}`, dayGiven: false };
  }
  if (day > lastDay) {
    return { ok: false, message: `${yymmdd}: ${year}-${pad2(month)} has no day ${pad2(day)}` };
  }
  return { ok: true, iso: `${year}-${pad2(month)}-${pad2(day)}`, dayGiven: true };
}
