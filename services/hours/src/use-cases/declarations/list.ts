import type { DeclarationRow, ListRecordsInput, Page } from "@ce/contracts";
import { listRecords } from "../../db/declarations.ts";
import type { HoursDeps } from "../../deps.ts";
import { type Caller, recordsScope, VIEWERS } from "../caller.ts";

/** 查看申报记录 (§3.5): one page of one tab of what the caller may see (see recordsScope; FORBIDDEN otherwise). */
export function listDeclarations(deps: HoursDeps, { principal }: Caller, input: ListRecordsInput): Promise<Page<DeclarationRow>> {
  return listRecords(deps.db, recordsScope(principal, ...VIEWERS), input);
}
