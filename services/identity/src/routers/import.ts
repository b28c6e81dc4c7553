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
import { permittedProcedure, type UseCaseRun } from "@ce/service-kit";
import { z } from "zod";
import type { IdentityDeps } from "../deps.ts";
import { dryRunImport } from "../use-cases/import/dry-run.ts";
import { failedRowsFile } from "../use-cases/import/failed-rows.ts";
import { getImportJob, importedPeoplePage, listImports, startImport } from "../use-cases/import/jobs.ts";
import { importTemplate } from "../use-cases/import/template.ts";
import { undoImport } from "../use-cases/import/undo.ts";

const importer = permittedProcedure("import.professionals");

/**
 * 批量导入 (guide §3.8): 下载模板, the dry run (校验) of an uploaded file (which keeps the file for
 * the import), 导出失败信息, 导入 (a durable job), its progress, the people it created (未激活 /
 * 已激活), the unit's recent imports and 撤销导入.
 */
export const importRouter = (run: UseCaseRun<IdentityDeps>) => ({
  template: importer.output(ImportFile).query(run(importTemplate)),
  dryRun: importer.input(ImportFileInput).output(ImportChecked).mutation(run(dryRunImport)),
  failedRows: importer.input(ImportFileInput).output(ImportFile).mutation(run(failedRowsFile)),
  start: importer.input(StartImportInput).output(ImportJob).mutation(run(startImport)),
  job: importer.input(ImportJobInput).output(ImportJob).query(run(getImportJob)),
  jobs: importer.output(z.array(ImportJob)).query(run(listImports)),
  people: importer.input(ImportPeopleInput).output(pageOf(ImportedPersonRow)).query(run(importedPeoplePage)),
  undo: importer.input(ImportJobInput).output(ImportJob).mutation(run(undoImport)),
});
