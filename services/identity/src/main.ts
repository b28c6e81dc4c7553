import { runService } from "@ce/service-kit";
import { startIdentity } from "./app.ts";
import { loadConfig } from "./config.ts";

await runService("identity", () => startIdentity(loadConfig()));
