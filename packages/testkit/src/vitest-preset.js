// Plain JavaScript: vitest loads a config's package imports with Node itself, which cannot
// read TypeScript on Node 20.

/**
 * The test settings every workspace shares; integration files talk to real PG/NATS/Redis.
 * @param {{ name: string; include?: string[]; overrides?: Record<string, unknown> }} opts
 */
export function preset(opts) {
  return {
    name: opts.name,
    include: opts.include ?? ["src/**/*.test.ts", "test/**/*.test.ts"],
    reporters: ["default", new CountingReporter()],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    maxWorkers: 2,
    ...opts.overrides,
  };
}

import { CountingReporter } from "./reporter.js";
