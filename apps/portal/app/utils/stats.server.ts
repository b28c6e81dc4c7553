import { parseSearchedIdNumber, type UnitKind } from "@ce/contracts";
import { data } from "@remix-run/node";
import type { z } from "zod";
import type { Api } from "./api.server.ts";
import { takeRefusal } from "./download-refusal.server.ts";
import { classifyError } from "./errors.server.ts";
import { ID_NUMBER_FIELD, idSearchMessages, searchOf } from "./id-search.server.ts";
import { parseListQuery } from "./query.ts";
import { rethrowServiceError } from "./session.server.ts";

/** A filter's message, by the filter's query name (统计时间 `asOf`, 用人单位 `employerId`, …). */
export type FilterErrors = Partial<Record<string, string>>;

/**
 * What a 查询统计 page loaded: the filters as typed (to refill the bar), and either the service's
 * answer or, for a filter it refused, the message to show next to that filter — with `status`
 * 400/404 and no figures at all (never a wider or another unit's statistic).
 */
type Answered<R> =
  | { filters: Record<string, string>; result: R; errors: FilterErrors; status: 200 }
  | { filters: Record<string, string>; result: null; errors: FilterErrors; status: number };

/**
 * Answered, and what a refused download of the page left for it (download-refusal.server.ts): its
 * message among `errors` when it names a filter of the bar, else `refused` (shown by the export
 * links); `headers` clear it, for the page's answer.
 */
export type StatisticLoad<R> = Answered<R> & { refused: string | null; headers: Record<string, string> | undefined };

/** A filter the portal itself refuses before asking the service (a unit name that names no unit): shown next to `field`. */
export class FilterRefusal extends Error {
  constructor(
    readonly field: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
    this.name = "FilterRefusal";
  }
}

/** The 查询统计 filters typed as a unit's name, by their query name: the kinds of unit they name, and their label. */
const UNIT_NAME_FILTERS = {
  authority: { kinds: ["AUTHORITY"], label: "主管部门" },
  employer: { kinds: ["EMPLOYER"], label: "用人单位" },
} as const satisfies Record<string, { kinds: readonly UnitKind[]; label: string }>;

/**
 * The id of the approved unit called exactly `name` that the filter `field` (主管部门 `authority`,
 * 用人单位 `employer`) names, found through identity's unit search; undefined for an empty name.
 * Whether the unit is in the caller's scope is the reporting service's check (NOT_FOUND).
 *
 * @throws FilterRefusal on `field` when no such unit exists, or several share the name.
 */
export async function unitIdByName(api: Api, field: keyof typeof UNIT_NAME_FILTERS, name: string | null | undefined): Promise<string | undefined> {
  const wanted = name?.trim();
  if (!wanted) return undefined;
  const { kinds, label } = UNIT_NAME_FILTERS[field];
  const found = (await api.identity.registration.searchUnits.query({ name: wanted.slice(0, 50), kinds: [...kinds], limit: 50 })).filter(
    (u) => u.name === wanted,
  );
  if (found.length === 0) throw new FilterRefusal(field, `未找到名为“${wanted}”的${label}`);
  if (found.length > 1) throw new FilterRefusal(field, `有多个名为“${wanted}”的${label}，请联系管理员`);
  return found[0]?.id;
}

/** The filters of the query string as typed: every parameter, trimmed; empty ones left out. */
function typedFilters(search: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of search) if (value.trim() !== "") out[key] = value.trim();
  return out;
}

/**
 * Loads one 查询统计 table (and 操作日志, the other list whose filters — a 时间范围 — are refused by
 * the field rather than on a 400 page): reads the query with the procedure's contracts `schema` and calls the
 * service with it (`call` also gets the typed filters, for those the portal resolves itself, such
 * as a unit name). A field of `shown` (the filter bar's fields; `aliases` maps a service's field
 * name to the bar's, e.g. authorityId → authority) that does not parse, that `call` refuses
 * (FilterRefusal), or that the service refuses with a message naming it (统计时间 after today: BAD_REQUEST; a 主管部门 / 用人单位 outside the caller's
 * scope: NOT_FOUND), comes back as `errors` with the status (400 / 404) and no result; so does a
 * 证件号 of `shown` that no one can have (contracts parseSearchedIdNumber: 身份证号校验位不正确 …). Anything
 * else fails as on every list page: a bad hidden parameter is parseListQuery's 400 page, an
 * expired session goes to login, another service failure is the Chinese error page. The query is
 * read through `searchOf`: a 证件号 comes from its sealed `idq` token, never from the URL (a
 * token this session cannot open, or a number written into the URL, is a 400 on 证件号). A
 * refused download of the page comes back here too (StatisticLoad's `refused` / `errors`); the
 * page answers with `headers`.
 *
 * @throws Response (400 page, redirect to /login, error page) as described.
 */
export async function loadStatistic<S extends z.ZodType<object>, R>(
  request: Request,
  schema: S,
  shown: readonly string[],
  call: (input: z.output<S>, filters: Record<string, string>) => Promise<R>,
  aliases: Readonly<Record<string, string>> = {},
): Promise<StatisticLoad<R>> {
  const { refusal, clear } = await takeRefusal(request);
  const load = await answerStatistic(request, schema, shown, call, aliases);
  const headers = clear ? { "Set-Cookie": clear } : undefined;
  const field = refusal?.field ? (aliases[refusal.field] ?? refusal.field) : null;
  if (refusal && field && shown.includes(field))
    return { ...load, errors: { ...load.errors, [field]: load.errors[field] ?? refusal.message }, refused: null, headers };
  return { ...load, refused: refusal?.message ?? null, headers };
}

/** loadStatistic without the download's refusal: the page's own answer. */
async function answerStatistic<S extends z.ZodType<object>, R>(
  request: Request,
  schema: S,
  shown: readonly string[],
  call: (input: z.output<S>, filters: Record<string, string>) => Promise<R>,
  aliases: Readonly<Record<string, string>>,
): Promise<Answered<R>> {
  const { search, problem } = searchOf(request);
  const filters = typedFilters(search);
  if (problem) {
    if (!shown.includes(ID_NUMBER_FIELD)) throw data({ message: idSearchMessages[problem] }, { status: 400 });
    return { filters, result: null, errors: { [ID_NUMBER_FIELD]: idSearchMessages[problem] }, status: 400 };
  }
  const parsed = schema.safeParse(filters);
  if (!parsed.success) {
    const errors: FilterErrors = {};
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? "");
      const field = aliases[key] ?? key;
      if (shown.includes(field)) errors[field] ??= issue.message;
    }
    if (Object.keys(errors).length > 0) return { filters, result: null, errors, status: 400 };
  }
  // A 证件号 no one can have (a wrong check digit) is named by its field, not searched for (没有数据).
  const idNumber = shown.includes(ID_NUMBER_FIELD) ? filters[ID_NUMBER_FIELD] : undefined;
  const checked = idNumber ? parseSearchedIdNumber(idNumber) : null;
  if (checked && !checked.ok) return { filters, result: null, errors: { [ID_NUMBER_FIELD]: checked.message }, status: 400 };
  // Paging mistakes fall back to the defaults; a hidden filter that does not parse is a 400 page.
  const input = parsed.success ? parsed.data : parseListQuery(schema, search);
  try {
    return { filters, result: await call(input, filters), errors: {}, status: 200 };
  } catch (error) {
    if (error instanceof FilterRefusal) return { filters, result: null, errors: { [error.field]: error.message }, status: error.status };
    const failure = classifyError(error);
    if (failure.kind === "rejected" || failure.kind === "notFound") {
      const errors: FilterErrors = {};
      for (const [key, messages] of Object.entries(failure.fieldErrors)) {
        const field = aliases[key] ?? key;
        if (shown.includes(field) && messages[0]) errors[field] = messages[0];
      }
      if (Object.keys(errors).length > 0) return { filters, result: null, errors, status: failure.kind === "notFound" ? 404 : failure.status };
    }
    return rethrowServiceError(request, error);
  }
}
