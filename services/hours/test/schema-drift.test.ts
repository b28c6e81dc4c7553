import { fileURLToPath } from "node:url";
import { describeSchemaDrift } from "@ce/testkit";
import { SCHEMA } from "../src/config.ts";
import { migrate } from "../src/db/migrate.ts";

describeSchemaDrift("hours", { schemaPath: fileURLToPath(new URL("../prisma/schema.prisma", import.meta.url)), schema: SCHEMA, migrate });
