import { z } from "zod";
import { UnitKind } from "../domain-codes.ts";

/** 单位统计: approved units of the caller's subtree per kind, every kind present (0 when none). */
export const UnitCountsByKind = z.record(UnitKind, z.number().int().min(0));
export type UnitCountsByKind = z.infer<typeof UnitCountsByKind>;
