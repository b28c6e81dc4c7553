// A Parquet file written through DuckDB (@duckdb/node-api, STACK.md): rows are appended to a
// table in an on-disk DuckDB database under a temporary directory (memory_limit bounds what DuckDB
// keeps in RAM; the rest spills to that file), then COPY writes the Parquet file there. The caller
// streams the file and removes the directory.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { ExtractColumn } from "@ce/contracts";
import { type DuckDBAppender, DuckDBInstance } from "@duckdb/node-api";
import type { ExtractValue } from "../domain/person-year-extract.ts";

/** A Parquet file being written: `append` rows in column order, then `finish` for its path; `dispose` removes everything. */
export interface ParquetFileWriter {
  append(rows: readonly ExtractValue[][]): void;
  /** Writes the Parquet file (ZSTD) and returns its path; the DuckDB database is closed. */
  finish(): Promise<string>;
  /** Removes the temporary directory (the database and the Parquet file). */
  dispose(): Promise<void>;
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * A writer for rows of `columns` (their names and DuckDB types). DuckDB runs with one thread and
 * `memoryLimit` (default 128MB), so a large extract costs disk in the temporary directory, not RAM.
 */
export async function openParquetFile(columns: readonly ExtractColumn[], opts: { memoryLimit?: string } = {}): Promise<ParquetFileWriter> {
  const dir = await mkdtemp(path.join(tmpdir(), "ce-extract-"));
  const dispose = () => rm(dir, { recursive: true, force: true });
  let instance: DuckDBInstance | null = null;
  try {
    instance = await DuckDBInstance.create(path.join(dir, "extract.duckdb"), {
      threads: "1",
      memory_limit: opts.memoryLimit ?? "128MB",
      temp_directory: path.join(dir, "spill"),
    });
    const connection = await instance.connect();
    await connection.run(`CREATE TABLE extract (${columns.map((c) => `${quoteIdent(c.name)} ${c.type}`).join(", ")})`);
    const appender: DuckDBAppender = await connection.createAppender("extract");
    const db = instance;
    const appendValue = (column: ExtractColumn, v: ExtractValue) => {
      if (v === null) appender.appendNull();
      else if (column.type === "INTEGER") appender.appendInteger(v as number);
      else if (column.type === "BOOLEAN") appender.appendBoolean(v as boolean);
      else appender.appendVarchar(String(v));
    };
    return {
      append(rows) {
        for (const row of rows) {
          for (const [i, c] of columns.entries()) appendValue(c, row[i] ?? null);
          appender.endRow();
        }
        appender.flushSync();
      },
      async finish() {
        appender.closeSync();
        const file = path.join(dir, "extract.parquet");
        await connection.run(`COPY extract TO '${file.replace(/'/g, "''")}' (FORMAT parquet, COMPRESSION zstd)`);
        connection.closeSync();
        db.closeSync();
        return file;
      },
      dispose,
    };
  } catch (e) {
    instance?.closeSync();
    await dispose();
    throw e;
  }
}
