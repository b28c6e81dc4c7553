import { fileURLToPath } from "node:url";
import { describeSchemaDrift } from "@ce/testkit";
import { expect, it } from "vitest";
import { SCHEMA } from "../src/config.ts";
import { createDb } from "../src/db/client.ts";
import { migrate } from "../src/db/migrate.ts";

describeSchemaDrift("identity", { schemaPath: fileURLToPath(new URL("../prisma/schema.prisma", import.meta.url)), schema: SCHEMA, migrate }, (databaseUrl) => {
  it("keeps the indexes the data scope and the one-super-admin rule rely on", async () => {
    const db = createDb(databaseUrl());
    try {
      const rows = await db.$queryRaw<{ indexname: string; indexdef: string }[]>`SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = ${SCHEMA}`;
      const def = (name: string) => rows.find((r) => r.indexname === name)?.indexdef ?? "missing";
      expect(def("unit_path_key")).toMatch(/UNIQUE INDEX .* \(path text_pattern_ops\)/);
      expect(def("admin_one_super_per_unit")).toMatch(/UNIQUE INDEX .* \(unit_id\) WHERE is_super/);
      expect(def("account_id_type_id_number_hash_key")).toMatch(/UNIQUE INDEX .* \(id_type, id_number_hash\)/);
      // A unit's code is unique among the units holding it, not among pending claims (migration 0010).
      expect(def("unit_code_key")).toMatch(/UNIQUE INDEX .* \(code\) WHERE \(status = ANY \(ARRAY\['APPROVED'::text, 'DISABLED'::text\]\)\)/);
    } finally {
      await db.$disconnect();
    }
  });
});
