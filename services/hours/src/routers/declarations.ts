import {
  BatchOutcome,
  DeclarableProfessional,
  DeclarablesInput,
  DeclarationDetail,
  DeclarationIdInput,
  DeclarationRow,
  DeclarationYears,
  DeclareInput,
  DeclareManyInput,
  ListRecordsInput,
  pageOf,
} from "@ce/contracts";
import { authedProcedure, permittedProcedure, type UseCaseRun } from "@ce/service-kit";
import type { HoursDeps } from "../deps.ts";
import { listDeclarables } from "../use-cases/declarations/declarables.ts";
import { declare } from "../use-cases/declarations/declare.ts";
import { declareMany } from "../use-cases/declarations/declare-many.ts";
import { getDeclaration } from "../use-cases/declarations/get.ts";
import { listDeclarations } from "../use-cases/declarations/list.ts";
import { withdraw } from "../use-cases/declarations/withdraw.ts";
import { declarationYears } from "../use-cases/declarations/years.ts";

/** 学时申报 (§3.4) and 查看申报记录 (§3.5). */
export const declarationsRouter = (run: UseCaseRun<HoursDeps>) => ({
  /** 选择申请人 › 添加人员: approved professionals the caller may declare for (a CE base: the province's). */
  declarables: permittedProcedure("hours.declare").input(DeclarablesInput).output(pageOf(DeclarableProfessional)).query(run(listDeclarables)),

  /** 计入年度 choices, newest first. */
  years: authedProcedure.output(DeclarationYears).query(run(declarationYears)),

  /** 提交申报: by an admin for a person of their subtree, or by a professional for themself. */
  declare: authedProcedure.input(DeclareInput).output(DeclarationDetail).mutation(run(declare)),

  /** 提交申报 for many people (a CE base's class): one declaration each, under the batch contract. */
  declareMany: permittedProcedure("hours.declare").input(DeclareManyInput).output(BatchOutcome).mutation(run(declareMany)),

  /** A professional takes back their own pending declaration. */
  withdraw: authedProcedure.input(DeclarationIdInput).output(DeclarationDetail).mutation(run(withdraw)),

  /** 查看申报记录: tabs 全部 / 待审核 / 审核通过 / 审核不通过. */
  records: authedProcedure.input(ListRecordsInput).output(pageOf(DeclarationRow)).query(run(listDeclarations)),

  /** 详细: one declaration the caller may see. */
  get: authedProcedure.input(DeclarationIdInput).output(DeclarationDetail).query(run(getDeclaration)),
});
