import type { LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import type { z } from "zod";
import type { Api } from "./api.server.ts";
import { backTo, downloadLoader } from "./download-refusal.server.ts";
import { openedSearch } from "./id-search.server.ts";
import { parseListQuery } from "./query.ts";
import { requirePage } from "./session.server.ts";
import { exportFormat, exportTable, type RowPage, type TableExport } from "./spreadsheet.server.ts";
import { FilterRefusal } from "./stats.server.ts";

/** What a list export's `table` is given to build its download from. */
export interface ListExportCall<S extends z.ZodType<object>> {
  /** The query read with the page's contracts schema (paging included: the export pages on its own). */
  input: z.output<S>;
  api: Api;
  /** The download's query, 证件号 restored (openedSearch): for filters the portal resolves itself, such as a unit name. */
  search: URLSearchParams;
  params: LoaderFunctionArgs["params"];
  request: Request;
}

/** One list page's 导出 route (XLSX, or CSV for `format=csv`). */
export interface ListExport<S extends z.ZodType<object>, Row, P extends RowPage<Row>> {
  /** The menu page whose permission the export needs (requirePage), e.g. STATS.counts. */
  page: string;
  /** The page a refusal goes back to, its query as typed less `format` (backTo); `page` when absent. */
  back?: (params: LoaderFunctionArgs["params"]) => string;
  /** The page's query schema (contracts), read with parseListQuery: a filter that does not parse is a 400 「筛选条件有误」. */
  schema: S;
  /** The table to stream (exportTable): its service call, name, header and cells. */
  table: (call: ListExportCall<S>) => TableExport<Row, P> | Promise<TableExport<Row, P>>;
}

/**
 * The loader of a list page's 导出 route: signs in on `page` (a 403 without its permission), reads
 * the download's query (openedSearch: a sealed 证件号 opened, never from the URL) with `schema` and
 * streams `table` as XLSX or CSV (exportTable: row limit, constant memory, the caller's scope). A
 * refusal — a filter that does not parse, a FilterRefusal (a unit name naming no unit: 400 on its
 * field), too many rows, the service's — goes back to the page with its message (downloadLoader).
 */
export function listExportLoader<S extends z.ZodType<object>, Row, P extends RowPage<Row>>(spec: ListExport<S, Row, P>) {
  return downloadLoader(
    ({ request, params }) => backTo(request, spec.back?.(params) ?? spec.page, ["format"]),
    async ({ request, context, params }: LoaderFunctionArgs) => {
      const { api } = await requirePage(request, context, spec.page);
      const search = openedSearch(request);
      const input = parseListQuery(spec.schema, search);
      let table: TableExport<Row, P>;
      try {
        table = await spec.table({ input, api, search, params, request });
      } catch (e) {
        throw e instanceof FilterRefusal ? data({ message: e.message, field: e.field }, { status: e.status }) : e;
      }
      return exportTable(exportFormat(search), table);
    },
  );
}
