import {
  ImportChecked,
  ImportedPersonRow,
  ImportFile,
  ImportFileInput,
  ImportJob,
  ImportJobInput,
  ImportPeopleInput,
  pageOf,
  StartImportInput,
} from "@ce/contracts";
import { permittedProcedure, router } from "@ce/service-kit";
import { z } from "zod";
import type { IdentityDeps } from "../deps.ts";
import { dryRunImport } from "../use-cases/import/dry-run.ts";
import { failedRowsFile } from "../use-cases/import/failed-rows.ts";
import { getImportJob, importedPeoplePage, listImports, startImport } from "../use-cases/import/jobs.ts";
import { importTemplate } from "../use-cases/import/template.ts";
import { undoImport } from "../use-cases/import/undo.ts";

/**
 * 批量导入 (guide §3.8): 下载模板, the dry run (校验) of an uploaded file (which keeps the file for
 * the import), 导出失败信息, 导入 (a durable job), its progress, the people it created (未激活 /
 * 已激活), the unit's recent imports and 撤销导入.
 */
export function importRouter(deps: IdentityDeps) {
  const importer = permittedProcedure("import.professionals");
  return router({
    template: importer.output(ImportFile).query(({ ctx }) => importTemplate(deps, ctx)),
    dryRun: importer
      .input(ImportFileInput)
      .output(ImportChecked)
      .mutation(({ input, ctx }) => dryRunImport(deps, ctx, input)),
    failedRows: importer
      .input(ImportFileInput)
      .output(ImportFile)
      .mutation(({ input, ctx }) => failedRowsFile(deps, ctx, input)),
    start: importer
      .input(StartImportInput)
      .output(ImportJob)
      .mutation(({ input, ctx }) => startImport(deps, ctx, input)),
    job: importer
      .input(ImportJobInput)
      .output(ImportJob)
      .query(({ input, ctx }) => getImportJob(deps, ctx, input)),
    jobs: importer.output(z.array(ImportJob)).query(({ ctx }) => listImports(deps, ctx)),
    people: importer
      .input(ImportPeopleInput)
      .output(pageOf(ImportedPersonRow))
      .query(({ input, ctx }) => importedPeoplePage(deps, ctx, input)),
    undo: importer
      .input(ImportJobInput)
      .output(ImportJob)
      .mutation(({ input, ctx }) => undoImport(deps, ctx, input)),
  });
}
