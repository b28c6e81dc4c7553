import { z } from "zod";
import { DomainError } from "./errors.ts";
import { wholeNumberField } from "./numbers.ts";

/**
 * The platform's one calendar and clock face. 计入年度, "this year" in compliance, date-only
 * fields (起止时间, 生效日期, 统计日期, log filters), "today", export file names and every time a
 * person reads follow Asia/Shanghai, whatever zone the server or the browser runs in. Built on
 * the runtime's `Intl` (IANA tz data), so China's 1986–1991 summer time is honoured too.
 */
export const PLATFORM_TIME_ZONE = "Asia/Shanghai";

/** Oldest and newest year a date-only field may name: outside is a typo, and PostgreSQL refuses year 0. */
export const MIN_CALENDAR_YEAR = 1900;
export const MAX_CALENDAR_YEAR = 2100;

/** Where "now" comes from; services take one in their deps so tests can pin it. */
export type Clock = () => Date;
export const systemClock: Clock = () => new Date();

/** An instant as services pass it: a Date, an ISO-8601 string with offset, or epoch milliseconds. */
export type Instant = Date | string | number;

type WallClock = { year: number; month: number; day: number; hour: number; minute: number; second: number };

// One formatter, reused: building an Intl.DateTimeFormat costs far more than formatting with it.
const wallClockFormat = new Intl.DateTimeFormat("en-US", {
  timeZone: PLATFORM_TIME_ZONE,
  hourCycle: "h23",
  year: "numeric",
  month: "numeric",
  day: "numeric",
  hour: "numeric",
  minute: "numeric",
  second: "numeric",
});

function toDate(instant: Instant): Date {
  const d = instant instanceof Date ? instant : new Date(instant);
  if (Number.isNaN(d.getTime())) throw new RangeError(`not an instant: ${String(instant)}`);
  return d;
}

/**
 * Asia/Shanghai has kept UTC+08:00 with no summer time since its last one ended, 1991-09-15 02:00
 * local (1991-09-14T17:00:00Z, IANA tz data). From then on the wall clock is plain UTC+8 arithmetic —
 * exact, and ~50× cheaper than formatToParts, which the importer's per-row birth-date check and the
 * exports' per-row times felt. Earlier instants ask the runtime's tz data. (calendar.test.ts checks
 * formatDateTime against Intl for any instant.)
 */
const FIXED_OFFSET_SINCE_MS = Date.UTC(1991, 8, 14, 17, 0, 0);
const FIXED_OFFSET_MS = 8 * 3_600_000;

function wallClock(instant: Instant): WallClock {
  const date = toDate(instant);
  if (date.getTime() >= FIXED_OFFSET_SINCE_MS) {
    const t = new Date(date.getTime() + FIXED_OFFSET_MS);
    return {
      year: t.getUTCFullYear(),
      month: t.getUTCMonth() + 1,
      day: t.getUTCDate(),
      hour: t.getUTCHours(),
      minute: t.getUTCMinutes(),
      second: t.getUTCSeconds(),
    };
  }
  return zoneWallClock(date);
}

/** The wall clock by the runtime's IANA tz data (any instant; what wallClock's fast path must equal). */
function zoneWallClock(date: Date): WallClock {
  const parts: Record<string, number> = {};
  for (const p of wallClockFormat.formatToParts(date)) if (p.type !== "literal") parts[p.type] = Number(p.value);
  return { year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour!, minute: parts.minute!, second: parts.second! };
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");
const ymd = (y: number, m: number, d: number) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;

/** The year (计入年度, "this year") an instant falls in, Beijing time. Throws RangeError for an invalid instant. */
export function calendarYear(instant: Instant): number {
  return wallClock(instant).year;
}

/** The Beijing calendar date of an instant as "YYYY-MM-DD" ("today" is `calendarDate(clock())`). Throws RangeError for an invalid instant. */
export function calendarDate(instant: Instant): string {
  const w = wallClock(instant);
  return ymd(w.year, w.month, w.day);
}

/**
 * An instant as people read it everywhere in the portal: "YYYY-MM-DD HH:mm:ss", Beijing time,
 * 24-hour clock (`{ seconds: false }` drops ":ss" for dense tables). Throws RangeError for an invalid instant.
 */
export function formatDateTime(instant: Instant, opts: { seconds?: boolean } = {}): string {
  const w = wallClock(instant);
  const time = `${pad(w.hour)}:${pad(w.minute)}${opts.seconds === false ? "" : `:${pad(w.second)}`}`;
  return `${ymd(w.year, w.month, w.day)} ${time}`;
}

/**
 * A calendar date (YYYY-MM-DD) checked against today on the Beijing calendar at `now`: returned as
 * is when not later — a statistic's 统计时间 or range, a declared class's 结束时间 (one cannot declare
 * hours not yet studied). Raises DomainError BAD_REQUEST on `field` ("{label}不能晚于今天（YYYY-MM-DD）").
 */
export function notAfterToday(date: string, now: Instant, label: string, field: string): string {
  const today = calendarDate(now);
  if (date > today) throw new DomainError("BAD_REQUEST", `${label}不能晚于今天（${today}）`, field);
  return date;
}

/** Days in a month of the proleptic Gregorian calendar (month 1–12); leap years per the Gregorian rule (2000 yes, 2100 no). */
export function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * True when `s` is a strict "YYYY-MM-DD" that exists in the calendar: zero-padded, month 1–12, a
 * day the month has (leap years included), year within MIN_CALENDAR_YEAR–MAX_CALENDAR_YEAR.
 * "2026-2-3", "2026-02-30", "0000-01-01" and "2026-02-28T00:00" are all false.
 */
export function isCalendarDate(s: unknown): s is string {
  if (typeof s !== "string") return false;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < MIN_CALENDAR_YEAR || year > MAX_CALENDAR_YEAR || month < 1 || month > 12) return false;
  return day >= 1 && day <= daysInMonth(year, month);
}

function parts(date: string): [number, number, number] {
  if (!isCalendarDate(date)) throw new RangeError(`not a calendar date: ${date}`);
  return [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
}

/** The date `days` days after (negative: before) a "YYYY-MM-DD" date. Throws RangeError for an invalid date. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = parts(date);
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return ymd(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** The calendar days from `start` to `end`, both counted ("2026-03-01"…"2026-03-01" → 1; end before start → 0). Throws RangeError for an invalid date. */
export function daysSpanned(start: string, end: string): number {
  const [sy, sm, sd] = parts(start);
  const [ey, em, ed] = parts(end);
  return Math.max(0, Math.round((Date.UTC(ey, em - 1, ed) - Date.UTC(sy, sm - 1, sd)) / 86_400_000) + 1);
}

// The instant a Beijing wall-clock date begins; the date may lie just outside the field's range.
function beijingMidnight(y: number, m: number, d: number): number {
  const localAsUtc = Date.UTC(y, m - 1, d);
  // Guess +08:00, then correct by the offset the zone really had then (it differed in 1986–1991).
  let t = localAsUtc - 8 * 3_600_000;
  for (let i = 0; i < 2; i++) {
    const w = wallClock(t);
    t += localAsUtc - Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  }
  return t;
}

/** The instant a Beijing calendar date begins (00:00:00.000 local; "2026-01-01" → 2025-12-31T16:00:00.000Z). Throws RangeError for an invalid date. */
export function startOfDay(date: string): Date {
  return new Date(beijingMidnight(...parts(date)));
}

/**
 * The last millisecond of a Beijing calendar date: a date-only upper bound ("统计时间 2026-06-30")
 * includes that whole day, up to 2026-06-30T15:59:59.999Z. Throws RangeError for an invalid date.
 */
export function endOfDay(date: string): Date {
  const [y, m, d] = parts(date);
  return new Date(beijingMidnight(y, m, d + 1) - 1);
}

/**
 * A date-only database column (PostgreSQL `date`, Prisma `@db.Date`) as Prisma wants it: the
 * date at UTC midnight, which the driver writes back as the same calendar date. Not an instant.
 */
export function toDateColumn(date: string): Date {
  const [y, m, d] = parts(date);
  return new Date(Date.UTC(y, m - 1, d));
}

/** A date-only column read back from Prisma (UTC midnight) as "YYYY-MM-DD". */
export function fromDateColumn(value: Date): string {
  return ymd(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
}

/**
 * A date-only input field, "YYYY-MM-DD" in the Beijing calendar, with Chinese messages naming the
 * field `label`: missing (or null) or empty → "请填写{label}", not text (a number such as 20260630) →
 * "{label}须为YYYY-MM-DD格式的日期文本", anything not a real date in range (see isCalendarDate)
 * → "{label}不是有效日期，请按YYYY-MM-DD填写". Used for every date-only field so none reaches the database unchecked.
 */
export function calendarDateField(label: string) {
  return z
    .string({ error: (issue) => (issue.input == null ? `请填写${label}` : `${label}须为YYYY-MM-DD格式的日期文本`) })
    .min(1, `请填写${label}`)
    .refine(isCalendarDate, `${label}不是有效日期，请按YYYY-MM-DD填写`);
}

/** A date-only value anywhere ("YYYY-MM-DD", a real Beijing-calendar date between 1900 and 2100). */
export const CalendarDate = calendarDateField("日期");

/**
 * A year field (计入年度, 年度 filters) as a form or query sends it: a whole number
 * MIN_CALENDAR_YEAR–MAX_CALENDAR_YEAR, so no out-of-range integer ever reaches a query.
 */
export function calendarYearField(label: string) {
  const range = `${label}应在${MIN_CALENDAR_YEAR}至${MAX_CALENDAR_YEAR}年之间`;
  return wholeNumberField({
    label,
    min: MIN_CALENDAR_YEAR,
    max: MAX_CALENDAR_YEAR,
    required: `请选择${label}`,
    notWhole: `${label}须为整数年份`,
    tooSmall: range,
    tooLarge: range,
  });
}
