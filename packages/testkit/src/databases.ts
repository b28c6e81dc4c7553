// One database (and tag) per test file: created empty, dropped afterwards.
import { randomBytes } from "node:crypto";
import pg from "pg";

import { TEST_SERVER_URL } from "./env.ts";

/** A short random tag for one test file: its database name, subject prefix and Redis key prefix. */
export function testTag(label: string): string {
  return `t${label
    .replace(/[^a-z0-9]/gi, "")
    .slice(0, 12)
    .toLowerCase()}${randomBytes(4).toString("hex")}`;
}

async function withAdmin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_SERVER_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Creates an empty database `ce_<tag>` and returns its URL. */
export async function createTestDatabase(tag: string): Promise<string> {
  const name = `ce_${tag}`;
  await withAdmin((c) => c.query(`CREATE DATABASE "${name}"`));
  const url = new URL(TEST_SERVER_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Drops a database made by createTestDatabase, ending any connection still open on it. */
export async function dropTestDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}
