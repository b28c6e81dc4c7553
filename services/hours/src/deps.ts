import type { Clock } from "@ce/contracts";
import type { Logger } from "@ce/service-kit";
import type { Db } from "./db/client.ts";
import type { AttachmentStore } from "./storage/attachments.ts";

/** What the hours use cases run on (routers hand it through); app.ts builds it. */
export interface HoursDeps {
  db: Db;
  attachments: AttachmentStore;
  log: Logger;
  /** Publish outbox rows now; called after a transaction that wrote events commits. */
  nudgeOutbox(): void;
  /** 计入年度 may go this many years back (config DECLARATION_YEARS_BACK). */
  yearsBack: number;
  /** The one clock for 计入年度, "this year" and the form version in force (read on the Beijing calendar); tests pin it. */
  now: Clock;
}
