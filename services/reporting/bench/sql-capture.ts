// The statistics benchmark's "raw SQL" column: the exact statements a use case sends to
// PostgreSQL (captured from the pg connections under its Prisma client), replayed through one plain
// `pg` client — the database's own time plus the wire, with no Prisma, no mapping, no arithmetic
// in JavaScript, no HTTP, tRPC or session. The use case's SQL is not written a second time by hand,
// so the column cannot drift from what the service really runs.
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "../generated/prisma/client.ts";
import type { Db } from "../src/db/client.ts";

/** One statement as pg received it: its text and its bound values (already mapped by the adapter). */
export interface CapturedStatement {
  text: string;
  values: unknown[];
}

/**
 * A Prisma client over a pg pool of `max` connections whose statements can be recorded:
 * `record(fn)` runs `fn` and returns what it sent, in order (transaction statements included).
 * Recording off, a statement costs one boolean check more than createDb's client.
 */
export function capturingDb(
  connectionString: string,
  max = 10,
): { db: Db; record(fn: () => Promise<unknown>): Promise<CapturedStatement[]>; end(): Promise<void> } {
  const pool = new pg.Pool({ connectionString, max });
  let sink: CapturedStatement[] | null = null;
  pool.on("connect", (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
      const first = args[0] as string | { text?: string; values?: unknown[] };
      if (sink) {
        if (typeof first === "string") sink.push({ text: first, values: (args[1] as unknown[] | undefined) ?? [] });
        else if (first?.text) sink.push({ text: first.text, values: first.values ?? [] });
      }
      return query(...args);
    };
  });
  const db = new PrismaClient({ adapter: new PrismaPg(pool) }) as unknown as Db;
  return {
    db,
    async record(fn) {
      const got: CapturedStatement[] = [];
      sink = got;
      try {
        await fn();
      } finally {
        sink = null;
      }
      return got;
    },
    async end() {
      await db.$disconnect();
      await pool.end().catch(() => undefined);
    },
  };
}

/**
 * Replays `statements` in order through `client` (rows as arrays, like the adapter asks for them).
 * An open transaction left by a failed statement is rolled back so the next replay starts clean.
 */
export async function replay(client: pg.Client, statements: readonly CapturedStatement[]): Promise<void> {
  try {
    for (const s of statements) await client.query({ text: s.text, values: s.values, rowMode: "array" });
  } catch (e) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw e;
  }
}
