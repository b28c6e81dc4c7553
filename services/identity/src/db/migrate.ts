import { fileURLToPath } from "node:url";
import { migrateSchema } from "@ce/service-kit";
import { SCHEMA } from "../config.ts";

export const migrationsDir = fileURLToPath(new URL("../../migrations", import.meta.url));

export const migrate = (databaseUrl: string) => migrateSchema({ databaseUrl, schema: SCHEMA, dir: migrationsDir });

// `npm run db:migrate` in this folder
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { loadConfig } = await import("../config.ts");
  const applied = await migrate(loadConfig().DATABASE_URL);
  console.log(`${SCHEMA}: ${applied.length} migration(s) applied`);
}
