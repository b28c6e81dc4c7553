import { runService } from "@ce/service-kit";
import { startReporting } from "./app.ts";
import { loadConfig } from "./config.ts";

await runService("reporting", () => startReporting(loadConfig()));
