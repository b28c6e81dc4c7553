import { randomUUID } from "node:crypto";
import type { ImportChecked, ImportFileInput } from "@ce/contracts";
import type { z } from "zod";
import { logIdBatchCheck, registeredIdHashes } from "../../db/import.ts";
import { createCheckedJob } from "../../db/import-jobs.ts";
import type { IdentityDeps } from "../../deps.ts";
import { DryRunTally, type RegistryAnswer } from "../../domain/import/tally.ts";
import { ID_LOOKUP_FIELD, idLookupBudget, type LookupViewer, logIdLookup } from "../../security/id-lookup.ts";
import { blindIndexesOfNumber } from "../../security/pii.ts";
import { type Caller, ownSubtree, ownUnit } from "../scope.ts";
import { type KeptRow, KeptRowsWriter, keptPerson } from "./kept-rows.ts";
import { type CheckedRow, checkedRows } from "./walk.ts";

/** Rows checked against the database at once (one indexed query per batch). */
export const DRY_RUN_BATCH = 1_000;

/**
 * 批量导入 › 校验 (the dry run): every data row of the uploaded XLSX or CSV checked as it is read
 * (checkedRows: format, header, validateRow), tallied 可导入 / 有错误 / 重复 — 重复 inside the file by
 * 证件类型+证件号, and against registered people of the caller's own subtree by blind index (the number
 * under any 证件类型), in batches
 * of DRY_RUN_BATCH. A number registered in another unit is not named: an upload must not tell whether
 * an ID number exists (issue 8 fault 2's kind — a file of a mask's ~33 candidates would otherwise
 * unmask a stranger in one call); the import itself leaves such a row out without saying why.
 * Within the subtree a 重复 answer is a lookup by full 证件号 too (a file of a mask's candidates
 * would name the registered one): each registered row found spends one lookup from the viewer's
 * day budget (security/id-lookup.ts idLookupBudget, the budget of 新增管理员 and the picker) and is
 * logged with the person found; once the budget is spent — or when it is spent before the file is
 * read — every further valid row is reported 今日证件号核对次数已用完 (有错误, not imported), registered
 * or not, so the refusal itself tells nothing. Writes no person: one pii_access_log row (how many
 * numbers were checked, no subject), one per registered person found, and, when some row
 * can be imported, its data rows kept for the import as checked (kept-rows.ts: encrypted, masked
 * and blind-indexed, never the clear file) in an import_job CHECKED named by `uploadId`;
 * imports.start imports them. Raises what checkedRows raises (BAD_REQUEST on `file`, FORBIDDEN).
 */
export async function dryRunImport(
  deps: IdentityDeps,
  caller: Caller & { clientIp?: string | null },
  input: z.output<typeof ImportFileInput>,
): Promise<ImportChecked> {
  const tally = new DryRunTally();
  const viewer: LookupViewer = { accountId: caller.principal.accountId, clientIp: caller.clientIp ?? null, requestId: caller.requestId };
  const lookups = idLookupBudget(deps, viewer);
  const budget: DryRunBudget = { take: lookups.take, exhausted: await lookups.spent() };
  let batch: CheckedRow[] = [];
  let checkedNumbers = 0;
  const kept = new KeptRowsWriter();
  const flush = async () => {
    checkedNumbers += await tallyBatch(deps, caller, viewer, budget, tally, batch, (row) => kept.add(row));
    batch = [];
  };
  for await (const item of checkedRows(deps, caller, input)) {
    if (item.kind === "note") tally.note(item.message);
    else {
      batch.push(item);
      if (batch.length >= DRY_RUN_BATCH) await flush();
    }
  }
  await flush();
  if (checkedNumbers > 0) {
    await logIdBatchCheck(deps.db, {
      viewerId: caller.principal.accountId,
      field: ID_LOOKUP_FIELD,
      purpose: `批量导入：校验${checkedNumbers}个证件号`,
      requestId: caller.requestId,
    });
  }
  const rows = await kept.finish();
  const result = tally.result();
  if (result.importable === 0) return { ...result, uploadId: null };
  const uploadId = randomUUID();
  await createCheckedJob(
    deps.db,
    {
      id: uploadId,
      unitId: ownUnit(caller.principal),
      createdBy: caller.principal.accountId,
      createdByName: caller.principal.name,
      requestId: caller.requestId,
      fileName: input.fileName,
      totalRows: result.rows,
      importable: result.importable,
    },
    rows,
  );
  return { ...result, uploadId };
}

/** The day's lookup budget as the dry run spends it; `exhausted` once a lookup was refused (or none was left at the start). */
type DryRunBudget = { take(): Promise<boolean>; exhausted: boolean };

/**
 * Tallies a batch in row order, checking its valid rows' blind indexes in one query; a registered
 * row spends one lookup (and is logged with the person), a row after the budget ran out is
 * `unchecked` whatever the database holds. Hands every row to `keep` in order, as the tally
 * judged it: the person (可导入), "repeat" (重复: in the file or registered under any 证件类型),
 * null (有错误, or unchecked once the budget is spent) — the job imports exactly the 可导入 ones.
 * Returns how many numbers it checked.
 */
async function tallyBatch(
  deps: IdentityDeps,
  caller: Caller,
  viewer: LookupViewer,
  budget: DryRunBudget,
  tally: DryRunTally,
  batch: readonly CheckedRow[],
  keep: (row: KeptRow) => Promise<void>,
): Promise<number> {
  // A number is registered when it is under any 证件类型 (one number, one person).
  const keys = batch.flatMap((c) => (c.ok ? [blindIndexesOfNumber(deps.pii, c.person.idNumber)] : []));
  const asked = !budget.exhausted;
  const registered = asked ? await registeredIdHashes(deps.db, keys.flat(), ownSubtree(caller.principal).scopePath) : new Map<string, string>();
  let k = 0;
  for (const c of batch) {
    if (!c.ok) {
      tally.invalid(c.sheetRow.number, c.errors);
      await keep(null);
      continue;
    }
    const hashes = keys[k++] as string[];
    let answer: RegistryAnswer = "free";
    if (tally.firstRowOf(c.person.idNumber) === undefined) {
      const accountId = hashes.map((h) => registered.get(h)).find(Boolean);
      if (budget.exhausted) answer = "unchecked";
      else if (accountId) {
        const within = await budget.take();
        // The refused lookup still found someone: logged like the others, so even the one past the limit is seen.
        await logIdLookup(deps, viewer, within ? "批量导入：校验（已注册）" : "批量导入：校验（已注册，次数已用完）", accountId);
        if (within) answer = "registered";
        else {
          budget.exhausted = true;
          answer = "unchecked";
        }
      }
    }
    const repeat = tally.valid(c.sheetRow.number, c.person.idType, c.person.idNumber, answer);
    await keep(answer === "unchecked" ? null : repeat ? "repeat" : keptPerson(deps.pii, c.person, hashes));
  }
  return asked ? keys.length : 0;
}
