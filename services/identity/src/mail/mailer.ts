import { randomUUID } from "node:crypto";
import { DevMail } from "@ce/contracts";
import type { Logger, Redis } from "@ce/service-kit";

export interface OutgoingMail {
  to: string;
  subject: string;
  body: string;
  link: string | null;
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
  /** The development mailbox, newest first; null when this transport keeps none. */
  devMailbox(): Promise<DevMail[] | null>;
}

export const DEVMAIL_KEY = "devmail";
const DEVMAIL_KEEP = 50;

/**
 * The `log` transport: no mail server; each mail is a log line and an entry in the Redis list
 * `devmail` (the newest 50), which the portal's development mailbox page reads.
 */
export function logMailer(redis: Redis, log: Logger): Mailer {
  return {
    async send(mail) {
      const entry: DevMail = { id: randomUUID(), ...mail, sentAt: new Date().toISOString() };
      log.info({ mail: { to: mail.to, subject: mail.subject, link: mail.link } }, "mail written to the development mailbox");
      await redis.multi().lpush(DEVMAIL_KEY, JSON.stringify(entry)).ltrim(DEVMAIL_KEY, 0, DEVMAIL_KEEP - 1).exec();
    },
    async devMailbox() {
      const raw = await redis.lrange(DEVMAIL_KEY, 0, DEVMAIL_KEEP - 1);
      return raw.flatMap((r) => {
        const parsed = DevMail.safeParse(JSON.parse(r));
        return parsed.success ? [parsed.data] : [];
      });
    },
  };
}
