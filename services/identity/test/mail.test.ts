// How mail leaves identity: the development mailbox (development + loopback only), .eml files,
// SMTP through nodemailer to a local sink; and a reset token never whole in a log line.
import { mkdtemp, readdir, readFile, rm, stat } from "node:fs/promises";
import { type AddressInfo, createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { createLogger, createRedis, type Redis } from "@ce/service-kit";
import { TEST_REDIS_URL, testTag } from "@ce/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../src/config.ts";
import { createMailer, maskLink, type OutgoingMail } from "../src/mail/mailer.ts";
import { devMailboxOpen } from "../src/use-cases/dev-mailbox/list.ts";

const TOKEN = "Q2hhbmdlTWVOb3dQbGVhc2VUaGlzSXNBU2VjcmV0VG9rZW4";
const mail: OutgoingMail = {
  to: "zhang.san@example.com",
  subject: "重置登录密码 - 专业技术人员继续教育公共服务平台",
  body: `张三，您好：\n请打开以下链接设置新密码：\nhttp://localhost:3000/reset-password?token=${TOKEN}\n`,
  link: `http://localhost:3000/reset-password?token=${TOKEN}`,
};

/** A logger whose lines land in `lines`, configured like every service's. */
function capturingLogger() {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { log: createLogger("identity", "info", sink), lines };
}

describe("maskLink", () => {
  it.each([
    { link: mail.link, expect: "http://localhost:3000/reset-password?token=Q2hh…" },
    { link: "https://ce.example.org/reset-password?token=abc&next=%2Fhome", expect: "https://ce.example.org/reset-password?token=abc…&next=%2Fhom…" },
    { link: "https://ce.example.org/login", expect: "https://ce.example.org/login" },
    { link: "not a url with a secret 12345", expect: "[redacted]" },
    { link: null, expect: null },
  ])("$link → $expect", ({ link, expect: expected }) => {
    expect(maskLink(link)).toBe(expected);
  });
});

describe("the logger", () => {
  it.each([
    { case: "a link at the top level", obj: { link: mail.link } },
    { case: "a token at the top level", obj: { token: TOKEN } },
    { case: "a mail's link and body", obj: { mail: { link: mail.link, body: mail.body } } },
    { case: "a token two levels down", obj: { req: { query: { token: TOKEN } } } },
  ])("never writes $case", ({ obj }) => {
    const { log, lines } = capturingLogger();
    log.info(obj, "something happened");
    expect(lines.join("")).toContain("something happened");
    expect(lines.join("")).not.toContain(TOKEN.slice(4, 20));
  });
});

describe("devMailboxOpen", () => {
  it.each([
    { NODE_ENV: "development", MAIL_TRANSPORT: "log", ip: "127.0.0.1", open: true },
    { NODE_ENV: "development", MAIL_TRANSPORT: "log", ip: "::1", open: true },
    { NODE_ENV: "development", MAIL_TRANSPORT: "log", ip: "::ffff:127.0.0.1", open: true },
    { NODE_ENV: "development", MAIL_TRANSPORT: "log", ip: "192.168.1.20", open: false },
    { NODE_ENV: "development", MAIL_TRANSPORT: "log", ip: null, open: false },
    { NODE_ENV: "development", MAIL_TRANSPORT: "file", ip: "127.0.0.1", open: false },
    { NODE_ENV: "test", MAIL_TRANSPORT: "log", ip: "127.0.0.1", open: false },
    { NODE_ENV: "production", MAIL_TRANSPORT: "log", ip: "127.0.0.1", open: false },
    { NODE_ENV: "production", MAIL_TRANSPORT: "smtp", ip: "203.0.113.5", open: false },
  ] as const)("$NODE_ENV, $MAIL_TRANSPORT, client $ip → open: $open", ({ ip, open, ...config }) => {
    expect(devMailboxOpen(config, ip)).toBe(open);
  });
});

describe("configuration", () => {
  it("asks for what the chosen transport needs, naming the variable", () => {
    expect(() => loadConfig({ MAIL_TRANSPORT: "smtp" })).toThrow(/SMTP_URL/);
    expect(() => loadConfig({ MAIL_TRANSPORT: "file" })).toThrow(/MAIL_DIR/);
    expect(() => loadConfig({ MAIL_TRANSPORT: "smtp", SMTP_URL: "http://mail.example.org" })).toThrow(/SMTP_URL/);
    expect(() => loadConfig({ MAIL_TRANSPORT: "pigeon" })).toThrow(/MAIL_TRANSPORT/);
    expect(loadConfig({ MAIL_TRANSPORT: "smtp", SMTP_URL: "smtps://u:p@smtp.example.org:465" }).MAIL_TRANSPORT).toBe("smtp");
  });
});

describe("transports", () => {
  const tag = testTag("mail");
  let redis: Redis;
  let dir: string;
  beforeAll(async () => {
    redis = createRedis(TEST_REDIS_URL, tag);
    dir = await mkdtemp(path.join(tmpdir(), "ce-mail-"));
  });
  afterAll(async () => {
    await redis.del("devmail");
    redis.disconnect();
    await rm(dir, { recursive: true, force: true });
  });

  it("log: keeps the mail for the development mailbox and logs a masked link only", async () => {
    const { log, lines } = capturingLogger();
    const mailer = createMailer({ MAIL_TRANSPORT: "log", MAIL_FROM: "平台 <no-reply@localhost>" }, redis, log);
    await mailer.send(mail);
    expect((await mailer.devMailbox())?.[0]).toMatchObject({ to: mail.to, link: mail.link });
    expect(lines.join("")).toContain("reset-password?token=Q2hh…");
    expect(lines.join("")).not.toContain(TOKEN);
  });

  it("file: writes an .eml and a plain .txt, readable by their owner only, and logs no token", async () => {
    const { log, lines } = capturingLogger();
    const mailer = createMailer({ MAIL_TRANSPORT: "file", MAIL_FROM: "平台 <no-reply@localhost>", MAIL_DIR: dir }, redis, log);
    await mailer.send(mail);
    const [file] = (await readdir(dir)).filter((f) => f.endsWith(".eml"));
    expect(file).toBeDefined();
    const full = path.join(dir, file ?? "");
    expect((await stat(full)).mode & 0o777).toBe(0o600);
    const text = await readFile(full, "utf8");
    expect(text).toMatch(/^To: zhang\.san@example\.com$/m);
    expect(text).toMatch(/^Subject: =\?UTF-8\?/m);
    expect(text).toMatch(/^Content-Transfer-Encoding: (base64|quoted-printable)$/m);
    const readable = await readFile(full.replace(/\.eml$/, ".txt"), "utf8");
    expect(readable).toContain(`收件人: ${mail.to}`);
    // The time a person reads is Beijing's, as everywhere in the portal — not the ISO instant in UTC.
    expect(readable).toMatch(/^时间: \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}（北京时间）$/m);
    expect(readable).toContain(mail.link);
    expect(await mailer.devMailbox()).toBeNull();
    expect(lines.join("")).not.toContain(TOKEN);
  });

  it("smtp: delivers through nodemailer to the SMTP_URL server", async () => {
    const sink = await smtpSink();
    try {
      const { log, lines } = capturingLogger();
      const mailer = createMailer(
        { MAIL_TRANSPORT: "smtp", MAIL_FROM: "平台 <no-reply@ce.example.org>", SMTP_URL: `smtp://127.0.0.1:${sink.port}` },
        redis,
        log,
      );
      await mailer.send(mail);
      expect(sink.received).toHaveLength(1);
      expect(sink.received[0]?.from).toBe("<no-reply@ce.example.org>");
      expect(sink.received[0]?.to).toEqual(["<zhang.san@example.com>"]);
      expect(sink.received[0]?.data.replace(/=\r?\n/g, "")).toContain(TOKEN);
      expect(lines.join("")).not.toContain(TOKEN);
    } finally {
      await sink.close();
    }
  });
});

/** A tiny SMTP server on a free local port that accepts every mail and keeps it (no TLS, no auth). */
async function smtpSink() {
  const received: Array<{ from: string; to: string[]; data: string }> = [];
  const server: Server = createServer((socket) => {
    let from = "";
    let to: string[] = [];
    let data: string | null = null;
    let buffer = "";
    socket.write("220 sink ESMTP\r\n");
    socket.on("data", (chunk) => {
      buffer += chunk.toString("utf8");
      for (;;) {
        if (data !== null) {
          const end = buffer.indexOf("\r\n.\r\n");
          if (end < 0) return;
          received.push({ from, to, data: data + buffer.slice(0, end) });
          buffer = buffer.slice(end + 5);
          data = null;
          socket.write("250 queued\r\n");
          continue;
        }
        const eol = buffer.indexOf("\r\n");
        if (eol < 0) return;
        const line = buffer.slice(0, eol);
        buffer = buffer.slice(eol + 2);
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === "EHLO" || verb === "HELO") socket.write("250-sink\r\n250 8BITMIME\r\n");
        else if (verb === "QUIT") socket.end("221 bye\r\n");
        else if (verb === "DATA") {
          data = "";
          socket.write("354 go ahead\r\n");
        } else {
          if (verb === "MAIL") from = line.replace(/^MAIL FROM:\s*/i, "").split(" ")[0] ?? "";
          else if (verb === "RCPT") to.push(line.replace(/^RCPT TO:\s*/i, ""));
          else if (verb === "RSET") to = [];
          socket.write("250 ok\r\n");
        }
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as AddressInfo).port,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
