import { runService } from "@ce/service-kit";
import { startHours } from "./app.ts";
import { loadConfig } from "./config.ts";

await runService("hours", () => startHours(loadConfig()));
