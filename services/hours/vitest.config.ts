import { preset } from "@ce/testkit/vitest-preset";
import { defineConfig } from "vitest/config";

export default defineConfig({ test: preset({ name: "hours" }) });
