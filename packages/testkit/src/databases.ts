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

/** The URL of the test database `ce_<tag>` (createTestDatabase's), e.g. for another process of the same run. */
export function testDatabaseUrl(tag: string): string {
  const url = new URL(TEST_SERVER_URL);
  url.pathname = `/ce_${tag}`;
  return url.toString();
}

/** Creates an empty database `ce_<tag>` and returns its URL. */
export async function createTestDatabase(tag: string): Promise<string> {
  await withAdmin((c) => c.query(`CREATE DATABASE "ce_${tag}"`));
  return testDatabaseUrl(tag);
}

/** Drops a database made by createTestDatabase, ending any connection still open on it. */
export async function dropTestDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}
