import { randomUUID } from "node:crypto";
import { type EventEnvelope, unitMoveApplies } from "@ce/contracts";
import { createTestDatabase, dropTestDatabase, testTag } from "@ce/testkit";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { SqlClient } from "../src/db.ts";
import type { EventHandler } from "../src/inbox.ts";
import { unitReplicaHandlers } from "../src/unit-replica.ts";
import { pgClient } from "./support/pg-client.ts";

const tag = testTag("unitreplica");
let databaseUrl: string;
let db: ReturnType<typeof pgClient>;

beforeAll(async () => {
  databaseUrl = await createTestDatabase(tag);
  db = pgClient(databaseUrl);
  await db.$executeRawUnsafe(`
    CREATE SCHEMA kit;
    CREATE TABLE kit.unit_replica (id uuid PRIMARY KEY, name text NOT NULL, superior_id uuid, path text NOT NULL, status text NOT NULL,
      version integer NOT NULL, updated_at timestamptz(3) NOT NULL);
    CREATE TABLE kit.professional_replica (account_id uuid PRIMARY KEY, unit_path text NOT NULL);`);
});
afterAll(async () => {
  await db.end();
  await dropTestDatabase(databaseUrl);
});
beforeEach(async () => {
  await db.$executeRawUnsafe("TRUNCATE kit.unit_replica, kit.professional_replica");
});

// The shared handlers as a service wires them; hours and reporting differ only in columns and path tables.
const handlers: EventHandler<SqlClient>[] = unitReplicaHandlers<SqlClient>({
  schema: "kit",
  columns: (s) => ({ name: s.name, superior_id: s.superiorId, path: s.path, status: s.status }),
  pathColumns: [["professional_replica", "unit_path"]],
});
const handle = (type: string, data: unknown) =>
  db.$transaction(async (tx) => {
    const h = handlers.find((x) => x.event.type === type);
    if (!h) throw new Error(type);
    const event: EventEnvelope = {
      id: randomUUID(),
      type,
      occurredAt: new Date().toISOString(),
      actor: null,
      correlationId: "t",
      causationId: null,
      data: h.event.data.parse(data),
    };
    await h.handle(tx, event);
  });

const [A, B, X, Y, P] = [randomUUID(), randomUUID(), randomUUID(), randomUUID(), randomUUID()];
const snapshot = (unitId: string, path: string, superiorId: string | null, version: number, name = "单位") => ({
  unitId,
  name,
  kind: "EMPLOYER",
  nature: "ENTERPRISE",
  industry: null,
  region: "370100",
  code: null,
  superiorId,
  path,
  status: "APPROVED",
  trainingLevel: null,
  version,
});
const move = (oldPath: string, newPath: string, version: number, unitId = A) => ({ unitId, oldSuperiorId: X, newSuperiorId: Y, oldPath, newPath, version });
const paths = async () =>
  [
    ...(await db.$queryRawUnsafe<Array<{ path: string }>>("SELECT path FROM kit.unit_replica ORDER BY path")).map((r) => r.path),
    ...(await db.$queryRawUnsafe<Array<{ unit_path: string }>>("SELECT unit_path FROM kit.professional_replica")).map((r) => `person:${r.unit_path}`),
  ].sort();

describe("unitMoveApplies, the one unit.moved rule", () => {
  it.each([
    { held: null, moved: 2, applies: false },
    { held: 1, moved: 2, applies: true },
    { held: 2, moved: 2, applies: false },
    { held: 3, moved: 2, applies: false },
    { held: 0, moved: 7, applies: true },
  ])("held v$held, move v$moved → $applies", ({ held, moved, applies }) => {
    expect(unitMoveApplies(held === null ? null : { version: held }, { version: moved })).toBe(applies);
  });
});

describe("unitReplicaHandlers", () => {
  const x = `/${X}/`;
  const y = `/${Y}/`;
  const seed = async () => {
    await handle("ce.identity.unit.created.v1", snapshot(A, `${x}${A}/`, X, 1));
    await handle("ce.identity.unit.created.v1", snapshot(B, `${x}${A}/${B}/`, A, 1));
    await handle("ce.identity.unit.created.v1", snapshot(X, `${x}${A}0/`, X, 1)); // a sibling whose path shares the prefix text
    await db.$executeRawUnsafe("INSERT INTO kit.professional_replica VALUES ($1::uuid, $2)", P, `${x}${A}/${B}/`);
  };

  it.each([
    {
      name: "a newer move of a held unit rewrites its subtree and people, not a sibling sharing the prefix",
      steps: [move(`${x}${A}/`, `${y}${A}/`, 2)],
      expected: [`${x}${A}0/`, `${y}${A}/`, `${y}${A}/${B}/`, `person:${y}${A}/${B}/`],
    },
    {
      name: "a move redelivered after the unit moved back is ignored",
      steps: [move(`${x}${A}/`, `${y}${A}/`, 2), move(`${y}${A}/`, `${x}${A}/`, 3), move(`${x}${A}/`, `${y}${A}/`, 2)],
      expected: [`${x}${A}/`, `${x}${A}/${B}/`, `${x}${A}0/`, `person:${x}${A}/${B}/`],
    },
    {
      name: "a move of a unit the replica never saw rewrites nothing",
      steps: [move(`${x}${A}/`, `${y}${A}/`, 2, randomUUID())],
      expected: [`${x}${A}/`, `${x}${A}/${B}/`, `${x}${A}0/`, `person:${x}${A}/${B}/`],
    },
  ])("$name", async ({ steps, expected }) => {
    await seed();
    for (const m of steps) await handle("ce.identity.unit.moved.v1", m);
    expect(await paths()).toEqual([...expected].sort());
  });

  it("takes a newer snapshot and ignores an older one", async () => {
    await handle("ce.identity.unit.created.v1", snapshot(A, `/${A}/`, null, 1, "旧名"));
    await handle("ce.identity.unit.updated.v1", snapshot(A, `/${A}/`, null, 3, "新名"));
    await handle("ce.identity.unit.updated.v1", snapshot(A, `/${A}/`, null, 2, "中间名"));
    expect(await db.$queryRawUnsafe("SELECT name, version FROM kit.unit_replica")).toEqual([{ name: "新名", version: 3 }]);
  });
});
