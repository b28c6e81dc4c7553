import { defineConfig } from "vitest/config";
import { preset } from "./src/vitest-preset.js";

export default defineConfig({ test: preset({ name: "testkit" }) });
