export * from "./bench.ts";
export * from "./databases.ts";
export * from "./drift.ts";
export * from "./env.ts";
export * from "./files-and-ports.ts";

/** The monorepo root (the nearest folder holding turbo.json) above a path. */
export { repoRoot as repoRootOf } from "./root.ts";
