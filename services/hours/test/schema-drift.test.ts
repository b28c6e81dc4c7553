import { fileURLToPath } from "node:url";
import { createTestDatabase, dropTestDatabase, prismaDrift, testTag } from "@ce/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SCHEMA } from "../src/config.ts";
import { migrate } from "../src/db/migrate.ts";

let databaseUrl: string;

beforeAll(async () => {
  databaseUrl = await createTestDatabase(testTag("hoursdrift"));
  await migrate(databaseUrl);
});
afterAll(() => dropTestDatabase(databaseUrl));

describe("hours schema", () => {
  it("matches schema.prisma after every migration is applied", async () => {
    const schemaPath = fileURLToPath(new URL("../prisma/schema.prisma", import.meta.url));
    expect(await prismaDrift({ schemaPath, databaseUrl, schema: SCHEMA })).toEqual([]);
  });
});
