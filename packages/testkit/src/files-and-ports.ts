// Small helpers tests across the workspaces share: the source files of a folder, a free TCP port.
import { readdirSync, statSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";

/**
 * Every .ts/.tsx file under `dir` (absolute paths), node_modules, generated and build folders
 * skipped; test files (and their *.test-support.ts) left out unless `tests`. A missing dir → [].
 */
export function sourceFiles(dir: string, opts: { tests?: boolean } = {}): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return ["node_modules", "generated", "build"].includes(name) ? [] : sourceFiles(full, opts);
    return /\.tsx?$/.test(name) && (opts.tests || !/\.test(-support)?\.tsx?$/.test(name)) ? [full] : [];
  });
}

/** A TCP port on 127.0.0.1 that was free a moment ago (the system picks it; the probe is closed before this resolves). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}
