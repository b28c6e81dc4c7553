import { type IdType, type Page, type PickedProfessional, PickedUnit, type PickPurpose, type UnitKind } from "@ce/contracts";
import { containsFilter, paginate, prefixFilter } from "@ce/service-kit";
import type { Db } from "./client.ts";

/**
 * The approved, active professional holding one of `keys` (证件类型 → blind index of the typed
 * number) whom `purpose` may pick: of a unit under `scopePath` (DECLARE, TRANSFER — and then with
 * no open transfer), or of `unitId` itself and no admin yet (ADMIN). Null when there is none.
 */
export async function pickableByIdNumber(
  db: Db,
  where: { scopePath: string; unitId: string; purpose: PickPurpose },
  keys: readonly { idType: IdType; idNumberHash: string }[],
): Promise<(PickedProfessional & { id: string }) | null> {
  if (keys.length === 0) return null;
  const row = await db.professional.findFirst({
    where: {
      status: "APPROVED",
      ...(where.purpose === "ADMIN" ? { unitId: where.unitId } : { unit: { path: prefixFilter(where.scopePath) } }),
      account: {
        status: "ACTIVE",
        OR: keys.map((k) => ({ idType: k.idType, idNumberHash: k.idNumberHash })),
        ...(where.purpose === "ADMIN" ? { admin: null } : {}),
      },
    },
    select: {
      accountId: true,
      account: { select: { name: true, idNumberMasked: true } },
      unit: { select: { name: true } },
      department: { select: { name: true } },
    },
  });
  if (!row) return null;
  if (where.purpose === "TRANSFER" && (await db.transfer.count({ where: { accountId: row.accountId, status: "PENDING" } })) > 0) return null;
  return (
    row && {
      id: row.accountId,
      accountId: row.accountId,
      name: row.account.name,
      idNumberMasked: row.account.idNumberMasked,
      unitName: row.unit.name,
      departmentName: row.department?.name ?? null,
    }
  );
}

/** One page of the approved units of `kinds` under `scopePath` (the caller's own unit included), by part of the name, by name. */
export function unitsInScopePage(
  db: Db,
  scopePath: string,
  input: { page: number; pageSize: number; name?: string | undefined; kinds: readonly UnitKind[] },
): Promise<Page<PickedUnit>> {
  const where = {
    status: "APPROVED",
    kind: { in: [...input.kinds] },
    path: prefixFilter(scopePath),
    ...(input.name ? { name: containsFilter(input.name) } : {}),
  };
  return paginate(
    input,
    () => db.unit.count({ where }),
    async ({ limit, offset }) =>
      (
        await db.unit.findMany({
          where,
          select: { id: true, name: true, superior: { select: { name: true } } },
          orderBy: [{ name: "asc" }, { id: "asc" }],
          take: limit,
          skip: offset,
        })
      ).map((u) => PickedUnit.parse({ id: u.id, name: u.name, superiorName: u.superior?.name ?? null })),
  );
}
