import { baseEnv, parseEnv, port } from "@ce/service-kit";

export const SCHEMA = "hours";

export const configShape = { ...baseEnv, PORT: port(4002) };
export type Config = ReturnType<typeof loadConfig>;
export const loadConfig = (env?: Record<string, string | undefined>) => parseEnv(configShape, env);
