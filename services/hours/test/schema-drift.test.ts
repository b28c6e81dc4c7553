import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, dropTestDatabase, prismaDrift, testTag } from "@ce/testkit";
import { migrate } from "../src/db/migrate.ts";
import { SCHEMA } from "../src/config.ts";

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
