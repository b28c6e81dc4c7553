import { fileURLToPath } from "node:url";
import { migrateSchema, runMigrationsCli } from "@ce/service-kit";
import { SCHEMA } from "../config.ts";

export const migrationsDir = fileURLToPath(new URL("../../migrations", import.meta.url));

export const migrate = (databaseUrl: string) => migrateSchema({ databaseUrl, schema: SCHEMA, dir: migrationsDir });

// `npm run db:migrate` in this folder
if (process.argv[1] === fileURLToPath(import.meta.url)) await runMigrationsCli(SCHEMA, migrationsDir);
