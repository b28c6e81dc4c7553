import { preset } from "@ce/testkit/vitest-preset";
import { defineConfig } from "vitest/config";

// Projects below extend this and add their own `include` (arrays are merged, so none here).
const shared = preset({ name: "portal", include: [] });

export default defineConfig({
  test: {
    ...shared,
    projects: [
      {
        extends: true,
        test: { name: "portal", include: ["app/**/*.test.{ts,tsx}"] },
      },
      {
        // The whole system (database, three services, the built portal) in a real browser.
        extends: true,
        test: {
          name: "portal-e2e",
          include: ["test/e2e/*.test.ts"],
          globalSetup: ["test/e2e/system.ts"],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          maxWorkers: 1,
        },
      },
    ],
  },
});
