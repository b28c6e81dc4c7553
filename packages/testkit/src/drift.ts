import { readFileSync } from "node:fs";
// Default import: the package is CommonJS, which Node (outside vitest) exposes only as default.
import prismaInternals from "@prisma/internals";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, dropTestDatabase, testTag } from "./databases.ts";

/** Postgres column types that each Prisma scalar (with its native type, if any) maps to. */
const typeMap: Record<string, string> = {
  String: "text",
  "String@Uuid": "uuid",
  "String@VarChar": "character varying",
  "String@Char": "character",
  Int: "integer",
  BigInt: "bigint",
  Boolean: "boolean",
  Float: "double precision",
  Decimal: "numeric",
  "Decimal@Decimal": "numeric",
  DateTime: "timestamp without time zone",
  "DateTime@Timestamptz": "timestamp with time zone",
  "DateTime@Date": "date",
  Json: "jsonb",
  Bytes: "bytea",
};

interface Column {
  type: string;
  nullable: boolean;
  array: boolean;
}

/**
 * Compares schema.prisma with the migrated database: every model's table and every scalar
 * field's column, type and nullability, and no unmapped table or column in the database
 * (except node-pg-migrate's own table). Returns the differences; empty means no drift.
 */
export async function prismaDrift(opts: { schemaPath: string; databaseUrl: string; schema: string }): Promise<string[]> {
  const dmmf = await prismaInternals.getDMMF({ datamodel: readFileSync(opts.schemaPath, "utf8") });
  const expected = new Map<string, Map<string, Column>>();
  for (const model of dmmf.datamodel.models) {
    const columns = new Map<string, Column>();
    for (const field of model.fields) {
      if (field.kind === "object") continue;
      const native = field.nativeType ? `${field.type}@${field.nativeType[0]}` : field.type;
      const type = field.kind === "enum" ? "USER-DEFINED" : (typeMap[native] ?? typeMap[field.type] ?? native);
      columns.set(field.dbName ?? field.name, { type, nullable: !field.isRequired, array: field.isList });
    }
    expected.set(model.dbName ?? model.name, columns);
  }

  const client = new pg.Client({ connectionString: opts.databaseUrl });
  await client.connect();
  const actual = new Map<string, Map<string, Column>>();
  try {
    const { rows } = await client.query<{ table_name: string; column_name: string; data_type: string; udt_name: string; is_nullable: string }>(
      `SELECT table_name, column_name, data_type, udt_name, is_nullable FROM information_schema.columns
       WHERE table_schema = $1 AND table_name NOT IN ('pgmigrations', 'kit_pgmigrations') ORDER BY table_name, ordinal_position`,
      [opts.schema],
    );
    for (const r of rows) {
      const table = actual.get(r.table_name) ?? new Map<string, Column>();
      const array = r.data_type === "ARRAY";
      const type = array ? (typeMap[udtToPrisma(r.udt_name)] ?? r.udt_name) : r.data_type;
      table.set(r.column_name, { type, nullable: r.is_nullable === "YES", array });
      actual.set(r.table_name, table);
    }
  } finally {
    await client.end();
  }

  const problems: string[] = [];
  for (const [table, columns] of expected) {
    const real = actual.get(table);
    if (!real) {
      problems.push(`table ${opts.schema}.${table} is in schema.prisma but not in the database`);
      continue;
    }
    for (const [name, col] of columns) {
      const got = real.get(name);
      const where = `${opts.schema}.${table}.${name}`;
      if (!got) problems.push(`column ${where} is in schema.prisma but not in the database`);
      else {
        if (got.type !== col.type || got.array !== col.array) {
          problems.push(`column ${where}: schema.prisma says ${col.type}${col.array ? "[]" : ""}, database has ${got.type}${got.array ? "[]" : ""}`);
        }
        // A list column may be nullable in SQL while Prisma treats it as required.
        if (got.nullable !== col.nullable && !col.array) {
          problems.push(
            `column ${where}: schema.prisma says ${col.nullable ? "nullable" : "NOT NULL"}, database says ${got.nullable ? "nullable" : "NOT NULL"}`,
          );
        }
      }
    }
    for (const name of real.keys()) {
      if (!columns.has(name)) problems.push(`column ${opts.schema}.${table}.${name} is in the database but not in schema.prisma`);
    }
  }
  for (const table of actual.keys()) {
    if (!expected.has(table)) problems.push(`table ${opts.schema}.${table} is in the database but not in schema.prisma`);
  }
  return problems;
}

/** Array columns report their element's udt name (e.g. _text). */
function udtToPrisma(udt: string): string {
  return ({ _text: "String", _uuid: "String@Uuid", _int4: "Int", _int8: "BigInt", _bool: "Boolean" } as Record<string, string>)[udt] ?? udt;
}

/**
 * A service's whole schema-drift test file: a fresh database with every migration applied
 * (`migrate`), checked against `schemaPath` by prismaDrift. `more` adds the service's own checks
 * of that database (indexes Prisma cannot express), given a getter for its URL.
 */
export function describeSchemaDrift(
  service: string,
  opts: { schemaPath: string; schema: string; migrate: (databaseUrl: string) => Promise<unknown> },
  more?: (databaseUrl: () => string) => void,
): void {
  let databaseUrl = "";
  beforeAll(async () => {
    databaseUrl = await createTestDatabase(testTag(`${service}drift`));
    await opts.migrate(databaseUrl);
  });
  afterAll(() => dropTestDatabase(databaseUrl));

  describe(`${service} schema`, () => {
    it("matches schema.prisma after every migration is applied", async () => {
      expect(await prismaDrift({ schemaPath: opts.schemaPath, databaseUrl, schema: opts.schema })).toEqual([]);
    });
    more?.(() => databaseUrl);
  });
}
