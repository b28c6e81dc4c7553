#!/usr/bin/env node
// Generates the Prisma client of the service in the current folder, offline: the CLI only
// needs the schema engine path to exist (generate never runs it) and some DATABASE_URL.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const cli = require.resolve("prisma/build/index.js", { paths: [process.cwd()] });
const result = spawnSync(process.execPath, [cli, "generate", "--schema", "prisma/schema.prisma"], {
  stdio: ["ignore", "inherit", "inherit"],
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
    DATABASE_URL: process.env.DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/ce",
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    CHECKPOINT_DISABLE: "1",
  },
});
process.exit(result.status ?? 1);
