import { defineConfig } from "vitest/config";
import { preset } from "@ce/testkit/vitest-preset";

export default defineConfig({ test: preset({ name: "identity" }) });
