import { existsSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export interface BenchRow {
  metric: string;
  value: string;
  note?: string;
}

/**
 * Writes one benchmark's figures into docs/benchmarks.md between its own markers, replacing the
 * previous run's, so each `npm run bench` leaves the file current.
 */
export function recordBenchmark(root: string, id: string, title: string, rows: BenchRow[], context = ""): void {
  const file = path.join(root, "docs/benchmarks.md");
  const header =
    "# Benchmarks\n\nWritten by `npm run bench` (each section by its own script; figures from the last run).\n" +
    "Machine of record: 2 cores, PostgreSQL 15, NATS 2.9, Redis 7 on the same host.\n";
  let doc = existsSync(file) ? readFileSync(file, "utf8") : header;
  const begin = `<!-- bench:${id} -->`;
  const end = `<!-- /bench:${id} -->`;
  const body = [
    begin,
    `## ${title}`,
    "",
    `Run ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC on ${os.cpus().length} cores (${os.cpus()[0]?.model ?? "unknown cpu"}).${context ? ` ${context}` : ""}`,
    "",
    "| metric | value | note |",
    "| --- | --- | --- |",
    ...rows.map((r) => `| ${r.metric} | ${r.value} | ${r.note ?? ""} |`),
    end,
  ].join("\n");
  const at = doc.indexOf(begin);
  doc = at >= 0 ? doc.slice(0, at) + body + doc.slice(doc.indexOf(end) + end.length) : `${doc.trimEnd()}\n\n${body}\n`;
  writeFileSync(file, doc);
}

/** Percentile of a list of durations (ms). */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}
