import { randomUUID } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { DevMail, formatDateTime, maskUrl, storedJson } from "@ce/contracts";
import type { Logger, Redis } from "@ce/service-kit";
import { createTransport } from "nodemailer";

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

/** How mail leaves the service (MAIL_TRANSPORT and what each transport needs). */
export interface MailConfig {
  MAIL_TRANSPORT: "log" | "file" | "smtp";
  MAIL_FROM: string;
  /** `smtp` only: e.g. smtps://user:password@smtp.example.org:465 */
  SMTP_URL?: string | undefined;
  /** `file` only: the directory each mail is written to as an .eml file (mode 600). */
  MAIL_DIR?: string | undefined;
}

export const DEVMAIL_KEY = "devmail";
const DEVMAIL_KEEP = 50;

/** A link as it may appear in a log (contracts' maskUrl: each query value cut to four characters). */
export const maskLink = maskUrl;

/** What every transport logs for a mail: the recipient, the subject and the masked link. */
function logSent(log: Logger, mail: OutgoingMail, transport: string, extra: Record<string, unknown> = {}): void {
  log.info({ mail: { to: mail.to, subject: mail.subject, maskedLink: maskLink(mail.link) }, transport, ...extra }, "mail sent");
}

/**
 * The `log` transport (development): no mail server; each mail is a masked log line and an
 * entry in the Redis list `devmail` (the newest 50), which the development mailbox reads.
 */
export function logMailer(redis: Redis, log: Logger): Mailer {
  return {
    async send(mail) {
      const entry: DevMail = { id: randomUUID(), ...mail, sentAt: new Date().toISOString() };
      await redis
        .multi()
        .lpush(DEVMAIL_KEY, JSON.stringify(entry))
        .ltrim(DEVMAIL_KEY, 0, DEVMAIL_KEEP - 1)
        .exec();
      logSent(log, mail, "log");
    },
    async devMailbox() {
      const raw = await redis.lrange(DEVMAIL_KEY, 0, DEVMAIL_KEEP - 1);
      return raw.flatMap((r) => storedJson(DevMail, r) ?? []);
    },
  };
}

const message = (from: string, mail: OutgoingMail) => ({ from, to: mail.to, subject: mail.subject, text: mail.body });

/**
 * The `file` transport (`npm start`): nodemailer renders each mail as the message it would send,
 * written to `<dir>/<time>-<id>.eml` for a mail client, and a plain UTF-8 `.txt` beside it for a
 * person with a text editor (the .eml body is base64). Both mode 600: the machine's user only.
 */
export function fileMailer(dir: string, from: string, log: Logger): Mailer {
  const transport = createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return {
    async send(mail) {
      const info = await transport.sendMail(message(from, mail));
      await mkdir(dir, { recursive: true, mode: 0o700 });
      const sentAt = new Date();
      const base = path.join(dir, `${sentAt.toISOString().replace(/[:.]/g, "-")}-${randomUUID().slice(0, 8)}`);
      await writeFile(`${base}.eml`, info.message as Buffer, { mode: 0o600 });
      const readable = `收件人: ${mail.to}\n主题: ${mail.subject}\n时间: ${formatDateTime(sentAt)}（北京时间）\n\n${mail.body}\n`;
      await writeFile(`${base}.txt`, readable, { mode: 0o600 });
      logSent(log, mail, "file", { file: `${base}.eml` });
    },
    devMailbox: async () => null,
  };
}

/**
 * Starts sending `mail` and returns at once, for every mail that goes only to an account that
 * exists (a reset link, the owner's notice of a registration with their ID number, the alert
 * after wrong passwords): the answer to the caller must not take longer because the account
 * exists, and an SMTP round trip would tell. The mail is handed to the transport before this
 * returns (so the `log` transport's entry precedes any later Redis command); a failure is logged
 * with the masked link, never thrown.
 */
export function sendInBackground(mailer: Mailer, mail: OutgoingMail, log: Logger): void {
  mailer.send(mail).catch((err: unknown) => log.error({ err, mail: { to: mail.to, subject: mail.subject, maskedLink: maskLink(mail.link) } }, "mail not sent"));
}

/** The `smtp` transport (production): nodemailer over SMTP_URL (smtp:// or smtps://). */
export function smtpMailer(url: string, from: string, log: Logger): Mailer {
  const transport = createTransport(url);
  return {
    async send(mail) {
      await transport.sendMail(message(from, mail));
      logSent(log, mail, "smtp");
    },
    devMailbox: async () => null,
  };
}

/** The transport MAIL_TRANSPORT selects (loadConfig has checked that its settings are there). */
export function createMailer(config: MailConfig, redis: Redis, log: Logger): Mailer {
  switch (config.MAIL_TRANSPORT) {
    case "smtp":
      return smtpMailer(config.SMTP_URL ?? "", config.MAIL_FROM, log);
    case "file":
      return fileMailer(config.MAIL_DIR ?? "", config.MAIL_FROM, log);
    default:
      return logMailer(redis, log);
  }
}
