import type { Page } from "@ce/contracts";
import { paginate } from "@ce/service-kit";
import type { Prisma } from "../../generated/prisma/client.ts";
import type { Db } from "./client.ts";

/**
 * One page of a raw-SQL list, through service-kit's `paginate` (so a page past the end serves the
 * last one): the total is `count(*)` of the rows of `from` matching `where`; the page selects
 * `columns` from the same rows, sorted by `orderBy` — which must end on a unique column, so pages
 * neither skip nor repeat a row. `from` is a FROM clause's body (tables and joins, no `FROM`);
 * joins in it must not multiply rows, since the same clause is counted. Rows come back as the
 * query names them (`AS "camelCase"`), for the caller to parse with its contract schema.
 */
export function sqlPage<T = Record<string, unknown>>(
  db: Db,
  request: { page: number; pageSize: number },
  query: { columns: Prisma.Sql; from: Prisma.Sql; where: Prisma.Sql; orderBy: Prisma.Sql },
): Promise<Page<T>> {
  const { columns, from, where, orderBy } = query;
  return paginate(
    request,
    async () => (await db.$queryRaw<{ total: number }[]>`SELECT count(*)::int AS total FROM ${from} WHERE ${where}`)[0]?.total ?? 0,
    ({ limit, offset }) => db.$queryRaw<T[]>`SELECT ${columns} FROM ${from} WHERE ${where} ORDER BY ${orderBy} LIMIT ${limit} OFFSET ${offset}`,
  );
}
