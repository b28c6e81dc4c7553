import { describeLineCheck, type LineFault } from "./support/source-scan.ts";

// The one place allowed to read a calendar off an instant, and why others are exempt.
const exempt: Record<string, string> = {
  "packages/contracts/src/calendar.ts": "the platform calendar itself",
  "packages/testkit/src/bench.ts": "a benchmark run's machine stamp, labelled UTC",
};

/**
 * Ways code has decided a year, a date or a displayed time without the platform calendar
 * (packages/contracts/src/calendar.ts): each reads the server's or UTC's clock face instead of Beijing's.
 */
const faults: LineFault[] = [
  ["reads a calendar field off a Date (use calendarYear/calendarDate)", /\.get(UTC)?(FullYear|Month|Date|Day|Hours)\(/],
  ["cuts a date out of an ISO instant (use calendarDate/formatDateTime)", /toISOString\(\)\s*\.(slice|substring|substr|split)\(/],
  ["cuts a date or time out of an instant string (use calendarDate/formatDateTime)", /At\??\.(slice|substring)\(0, ?1[06]\)/],
  ["writes a UTC instant into text a person reads (use formatDateTime)", /[\u4e00-\u9fff][:：]\s*\$\{[^}]*toISOString\(\)/],
  ["formats with the runtime's locale and zone (use formatDateTime)", /\.toLocale(Date|Time)?String\(/],
  ["builds its own date formatter (use formatDateTime)", /Intl\.DateTimeFormat/],
  ["builds a date column by hand (use toDateColumn)", /T00:00:00(\.000)?Z/],
  // AT TIME ZONE 'UTC' only spells an instant as ISO text; any other zone is a calendar decision.
  ["converts zones in SQL (pass startOfDay/endOfDay instants)", /AT TIME ZONE (?!'UTC')/i],
  ["validates a date without the calendar (use calendarDateField/CalendarDate)", /z\.iso\.date\(|\\d\{4\}-\\d\{2\}-\\d\{2\}/],
];

describeLineCheck("one calendar (Asia/Shanghai) everywhere", {
  faults,
  exempt,
  examples: [
    ["const current = today.getUTCFullYear();", true],
    ["const y = new Date().getFullYear();", true],
    ["const m = d.getMonth() + 1;", true],
    ["const today = now.toISOString().slice(0, 10);", true],
    ['const day = new Date().toISOString().split("T")[0];', true],
    ['{h.decidedAt.slice(0, 16).replace("T", " ")}', true],
    ["return { day: occurredAt.slice(0, 10) };", true],
    ["const readable = `收件人: ${to}\\n时间: ${sentAt.toISOString()}\\n`;", true],
    ["const note = `开具时间：${issuedAt.toISOString()}`;", true],
    ["const line = `时间: ${formatDateTime(sentAt)}（北京时间）`;", false],
    ['new Date(x).toLocaleString("zh-CN")', true],
    ['new Date(x).toLocaleDateString("zh-CN")', true],
    ['const f = new Intl.DateTimeFormat("zh-CN", { timeZone: "Asia/Shanghai" });', true],
    ["startDate: new Date(`${input.startDate}T00:00:00Z`),", true],
    ["l.occurred_at >= (${from}::date)::timestamp AT TIME ZONE 'Asia/Shanghai'", true],
    ["to_char(r.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD')", false],
    ["const day = z.string().regex(/^\\d{4}-\\d{2}-\\d{2}$/);", true],
    ['effectiveFrom: z.iso.date({ error: "请填写生效日期" }),', true],
    ["const current = calendarYear(deps.now());", false],
    ["{formatDateTime(h.decidedAt)}", false],
    ["startDate: toDateColumn(input.startDate),", false],
    ["occurredAt: new Date().toISOString(),", false],
    ["createdAt: z.iso.datetime(),", false],
    ["expect(p.idNumber.slice(0, 10))", false],
  ],
  noneFound: "finds no date, year or displayed time decided outside the platform calendar",
});
