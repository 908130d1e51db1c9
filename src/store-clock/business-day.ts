/**
 * The store's clock. Documents carry UTC instants; a store lives by its own calendar: "today"
 * for an expiry date, a report's days, the hour of a sale. Every one of them is read here, in
 * the store's time zone (a store setting), never in the till's or the server's zone.
 */

/** The zone of a store whose settings name none (every store before schema version 2). */
export const DEFAULT_STORE_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** A store's time zone: its setting, else the default. */
export function storeTimeZone(settings: { timeZone?: string } | null | undefined): string {
  return settings?.timeZone ?? DEFAULT_STORE_TIME_ZONE;
}

/** True for an IANA zone name this runtime knows ("Asia/Ho_Chi_Minh", "UTC"). */
export function isValidTimeZone(zone: string): boolean {
  if (!zone) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const partFormats = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock fields of `instant` in `timeZone` (the formatter is cached: scans are many). */
function wallClock(instant: number, timeZone: string): Record<string, number> {
  let format = partFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partFormats.set(timeZone, format);
  }
  const fields: Record<string, number> = {};
  for (const part of format.formatToParts(new Date(instant))) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  return fields;
}

const toInstant = (at: Date | string | number): number =>
  at instanceof Date ? at.getTime() : typeof at === 'string' ? Date.parse(at) : at;

/** The store's calendar day (yyyy-mm-dd) at `instant`: 17:30 UTC is the next day in Vietnam. */
export function businessDate(instant: Date | string | number, timeZone: string): string {
  const { year = 1970, month = 1, day = 1 } = wallClock(toInstant(instant), timeZone);
  const pad = (value: number, width: number) => String(value).padStart(width, '0');
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** The hour of the day (0–23) at `instant` on the store's clock. */
export function businessHour(instant: Date | string | number, timeZone: string): number {
  return (wallClock(toInstant(instant), timeZone).hour ?? 0) % 24;
}

/** Offset of `timeZone` from UTC at `utcMs`, in ms (Asia/Ho_Chi_Minh: +7 h). */
function zoneOffsetMs(utcMs: number, timeZone: string): number {
  const {
    year = 1970,
    month = 1,
    day = 1,
    hour = 0,
    minute = 0,
    second = 0,
  } = wallClock(utcMs, timeZone);
  return Date.UTC(year, month - 1, day, hour, minute, second) - utcMs;
}

/** The UTC instant (ISO 8601) at which the store's day `day` (yyyy-mm-dd), plus `plusDays`, starts. */
export function startOfBusinessDay(day: string, timeZone: string, plusDays = 0): string {
  const [year = 1970, month = 1, date = 1] = day.split('-').map(Number);
  const guess = Date.UTC(year, month - 1, date + plusDays);
  return new Date(guess - zoneOffsetMs(guess, timeZone)).toISOString();
}

/** When the store's business day holding `instant` started (ISO 8601 UTC). */
export function businessDayStart(instant: Date | string | number, timeZone: string): string {
  return startOfBusinessDay(businessDate(instant, timeZone), timeZone);
}

/** The store's days `fromDay` to `toDay` (both included) as a half-open UTC window. */
export function businessDays(
  fromDay: string,
  toDay: string,
  timeZone: string,
): { from: string; to: string } {
  return {
    from: startOfBusinessDay(fromDay, timeZone),
    to: startOfBusinessDay(toDay, timeZone, 1),
  };
}

/** The store's wall clock at `instant` as `yyyy-mm-ddThh:mm` (what a date-time field shows). */
export function storeWallTime(instant: Date | string | number, timeZone: string): string {
  const { hour = 0, minute = 0 } = wallClock(toInstant(instant), timeZone);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${businessDate(instant, timeZone)}T${pad(hour % 24)}:${pad(minute)}`;
}

/**
 * The UTC instant (ISO 8601) of a time on the store's wall clock, `yyyy-mm-ddThh:mm` as a
 * date-time field gives it; null when the text is no such time.
 */
export function storeWallTimeInstant(wall: string, timeZone: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(wall.trim());
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return null;
  const guess = Date.UTC(year, month - 1, day, hour, minute);
  if (new Date(guess).getUTCDate() !== day) return null;
  // Twice: the offset at the guess may differ from the offset at the answer near a DST change.
  const first = guess - zoneOffsetMs(guess, timeZone);
  return new Date(guess - zoneOffsetMs(first, timeZone)).toISOString();
}
