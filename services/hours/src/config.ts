import { baseEnv, parseEnv, port } from "@ce/service-kit";
import { z } from "zod";

export const SCHEMA = "hours";

export const configShape = {
  ...baseEnv,
  PORT: port(4002),
  /** 计入年度: the current year and this many before it. */
  DECLARATION_YEARS_BACK: z.coerce.number().int().min(0).max(10).default(2),
};
export type Config = ReturnType<typeof loadConfig>;
export const loadConfig = (env?: Record<string, string | undefined>) => parseEnv(configShape, env);
