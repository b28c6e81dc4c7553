import { z } from "zod";
import { IndustryCode } from "../codes/industries.ts";
import { RegionCode } from "../codes/regions.ts";
import { UnitNature } from "../domain-codes.ts";

/** 基本信息修改 §3.1: the fields a unit edits freely (its code and superior go through requests). */
export const UpdateUnitProfileInput = z.object({ nature: UnitNature, industry: IndustryCode, region: RegionCode });
export type UpdateUnitProfileInput = z.infer<typeof UpdateUnitProfileInput>;
