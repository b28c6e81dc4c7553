import {
  DeclarableProfessional,
  DeclarationDetail,
  DeclarationIdInput,
  DeclarationRow,
  DeclarationYears,
  DeclareInput,
  ListRecordsInput,
  pageOf,
  SearchText,
} from "@ce/contracts";
import { authedProcedure, permittedProcedure, router } from "@ce/service-kit";
import { z } from "zod";
import type { HoursDeps } from "../deps.ts";
import { listDeclarables } from "../use-cases/declarations/declarables.ts";
import { declare } from "../use-cases/declarations/declare.ts";
import { getDeclaration } from "../use-cases/declarations/get.ts";
import { listDeclarations } from "../use-cases/declarations/list.ts";
import { withdraw } from "../use-cases/declarations/withdraw.ts";
import { declarationYears } from "../use-cases/declarations/years.ts";

/** 学时申报 (§3.4) and 查看申报记录 (§3.5). */
export function declarationsRouter(deps: HoursDeps) {
  return router({
    /** 选择申请人 › 添加人员: approved professionals of the caller's unit subtree. */
    declarables: permittedProcedure("hours.declare")
      .input(z.object({ name: SearchText("姓名") }))
      .output(z.array(DeclarableProfessional))
      .query(({ ctx, input }) => listDeclarables(deps, ctx, input.name)),

    /** 计入年度 choices, newest first. */
    years: authedProcedure.output(DeclarationYears).query(() => declarationYears(deps)),

    /** 提交申报: by an admin for a person of their subtree, or by a professional for themself. */
    declare: authedProcedure
      .input(DeclareInput)
      .output(DeclarationDetail)
      .mutation(({ ctx, input }) => declare(deps, ctx, input)),

    /** A professional takes back their own pending declaration. */
    withdraw: authedProcedure
      .input(DeclarationIdInput)
      .output(DeclarationDetail)
      .mutation(({ ctx, input }) => withdraw(deps, ctx, input.declarationId)),

    /** 查看申报记录: tabs 全部 / 待审核 / 审核通过 / 审核不通过. */
    records: authedProcedure
      .input(ListRecordsInput)
      .output(pageOf(DeclarationRow))
      .query(({ ctx, input }) => listDeclarations(deps, ctx, input)),

    /** 详细: one declaration the caller may see. */
    get: authedProcedure
      .input(DeclarationIdInput)
      .output(DeclarationDetail)
      .query(({ ctx, input }) => getDeclaration(deps, ctx, input.declarationId)),
  });
}
