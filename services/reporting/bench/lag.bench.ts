// Approval → read-model lag (issue 10 "Scale and speed"): the real hours service approves
// declarations at a sustained rate (审核通过 at the last level of the chain, one call each), and
// reporting — on a database of its own, consuming the same streams — applies each approved event.
// Lag of an event = the instant reporting's inbox recorded it (inbox.received_at, in the handler's
// transaction) − the instant hours wrote it (outbox.created_at, in the approval's transaction); both
// clocks are the one PostgreSQL server's. Then the consumer's throughput: a second reporting
// instance on an empty database drains the whole CE_HOURS stream through the durable consumer
// (events/s between its first and last inbox row), next to a raw JetStream consume + ack of the same
// messages (no database), in the same run.
// Run: part of `npm run bench -w @ce/reporting` (`node --import tsx bench/lag.bench.ts -- --rate 25 --seconds 40`).
import os from "node:os";
import { naming as makeNaming } from "@ce/contracts";
import { connectNats } from "@ce/service-kit";
import { eventually, professionalEnvelope, serviceClient } from "@ce/service-kit/testing";
import { createTestDatabase, dropTestDatabase, percentile, recordBenchmark, repoRootOf, TEST_NATS_URL } from "@ce/testkit";
import pg from "pg";
// The hours service and its test world (units, a professional, pending declarations written to its database).
import type { HoursRouter } from "../../hours/src/routers/index.ts";
import { seedPendingDeclarations } from "../../hours/test/support/declarations.ts";
import { adminOf, bootHoursWorld, bus, jinan, province } from "../../hours/test/support/world.ts";
import { startReporting } from "../src/app.ts";
import { migrate } from "../src/db/migrate.ts";
import { reportingTestConfig } from "../test/support/boot.ts";

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const rate = Number(arg("--rate") ?? 10);
const seconds = Number(arg("--seconds") ?? 60);
const total = Math.round(rate * seconds);
const PEOPLE = 100;
const log = (s: string) => console.log(`[reporting lag bench] ${s}`);
const ms = (v: number) => (v < 10 ? `${v.toFixed(1)} ms` : `${Math.round(v)} ms`);

const world = await bootHoursWorld("benchlag");
const naming = makeNaming(world.tag);
const reportingUrls: string[] = [];
let reporting: Awaited<ReturnType<typeof startReporting>> | null = null;
const reportingConfig = async (label: string) => {
  const url = await createTestDatabase(`${world.tag}${label}`);
  reportingUrls.push(url);
  await migrate(url);
  return reportingTestConfig(url, world.tag);
};
const query = async <T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []) => {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<T>(sql, params)).rows;
  } finally {
    await c.end();
  }
};

try {
  // 1. Lag at a sustained rate.
  const live = await reportingConfig("a");
  reporting = await startReporting(live);
  const chain = [bus, jinan, province].map((u) => ({ id: u.data.unitId, name: u.data.name }));
  // Declarations of PEOPLE professionals of 济南公交 (a person has a handful a year, as in life), interleaved.
  const people = Array.from({ length: PEOPLE }, (_, i) => professionalEnvelope("ce.identity.professional.approved.v1", bus, { name: `基准人员${i}` }));
  for (const p of people) await world.producer.publish(p);
  await eventually(async () => {
    if ((await world.app.db.professionalReplica.count()) < PEOPLE + 3) throw new Error("hours has not got the people yet");
  }, 60_000);
  const perPerson = await Promise.all(
    people.map((p) => seedPendingDeclarations(world.app.db, { count: Math.ceil(total / PEOPLE), professional: p.data, chain, stepIndex: 2 })),
  );
  const ids = Array.from({ length: total }, (_, i) => perPerson[i % PEOPLE]![Math.floor(i / PEOPLE)]!);
  const client = serviceClient<HoursRouter>(world.app.url, await adminOf(world, province), "127.0.0.1", undefined, 60_000);
  log(`approving ${total} declarations at ${rate}/s`);
  // At most IN_FLIGHT calls at once: when the service cannot keep up, the rate achieved says so.
  const IN_FLIGHT = 4;
  const start = performance.now();
  const inFlight = new Set<Promise<unknown>>();
  let failed = 0;
  for (let i = 0; i < total; i++) {
    const wait = start + (i * 1000) / rate - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    if (inFlight.size >= IN_FLIGHT) await Promise.race(inFlight);
    const call: Promise<unknown> = client.approvals.approve
      .mutate({ declarationId: ids[i]! })
      .catch(() => failed++)
      .finally(() => inFlight.delete(call));
    inFlight.add(call);
  }
  await Promise.all(inFlight);
  const achieved = total / ((performance.now() - start) / 1000);
  const written = await world.app.db.$queryRawUnsafe<Array<{ id: string; created_at: Date; published_at: Date | null }>>(
    "SELECT id::text AS id, created_at, published_at FROM hours.outbox WHERE type LIKE '%declaration.approved%'",
  );
  const deadline = Date.now() + 120_000;
  let received: Array<{ event_id: string; received_at: Date }> = [];
  while (Date.now() < deadline) {
    received = await query(live.DATABASE_URL, "SELECT event_id::text AS event_id, received_at FROM reporting.inbox");
    const seen = new Set(received.map((r) => r.event_id));
    if (written.every((w) => seen.has(w.id))) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  const at = new Map(received.map((r) => [r.event_id, r.received_at.getTime()]));
  // The part before JetStream: the outbox relay's (created → published), read after the wait.
  const published = await world.app.db.$queryRawUnsafe<Array<{ ms: number }>>(
    "SELECT (extract(epoch FROM published_at - created_at) * 1000)::float8 AS ms FROM hours.outbox WHERE type LIKE '%declaration.approved%' AND published_at IS NOT NULL",
  );
  const relayLags = published.map((r) => r.ms);
  const lags = written.flatMap((w) => (at.has(w.id) ? [at.get(w.id)! - w.created_at.getTime()] : []));
  log(`lag p50 ${ms(percentile(lags, 50))} p99 ${ms(percentile(lags, 99))} over ${lags.length}/${written.length} approved events`);
  await reporting.stop();
  reporting = null;

  // 2. Throughput: the durable consumer from nothing, then a raw consume + ack of the same stream.
  const nats = await connectNats(TEST_NATS_URL, "reporting-lag-bench");
  for (const stream of ["CE_IDENTITY", "CE_HOURS"] as const) {
    await nats.jsm.consumers.delete(naming.stream(stream), naming.consumer("reporting", stream)).catch(() => {});
  }
  const streamInfo = await nats.jsm.streams.info(naming.stream("CE_HOURS"));
  const hoursMessages = streamInfo.state.messages;
  log(`CE_HOURS holds ${hoursMessages} messages; draining them into an empty reporting database`);
  const fresh = await reportingConfig("b");
  reporting = await startReporting(fresh);
  // Done when every approved event is in the inbox; the rate is over those events (first to last inbox row).
  const wanted = new Set(written.map((w) => w.id));
  const drainDeadline = Date.now() + 600_000;
  let drained: number[] = [];
  while (Date.now() < drainDeadline) {
    const rows = await query<{ event_id: string; received_at: Date }>(
      fresh.DATABASE_URL,
      "SELECT event_id::text AS event_id, received_at FROM reporting.inbox",
    );
    drained = rows.filter((r) => wanted.has(r.event_id)).map((r) => r.received_at.getTime());
    if (drained.length >= wanted.size) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  const consumerRate = (drained.length - 1) / ((Math.max(...drained) - Math.min(...drained)) / 1000);
  const d = { n: drained.length };
  await reporting.stop();
  reporting = null;

  log(`consumer drained ${d.n} events; raw consume next`);
  const rawName = `${naming.consumer("rawbench", "CE_HOURS")}`;
  await nats.jsm.consumers.add(naming.stream("CE_HOURS"), { name: rawName, ack_policy: "explicit", deliver_policy: "all", max_ack_pending: 1000 } as never);
  const rawStart = performance.now();
  const consumer = await nats.js.consumers.get(naming.stream("CE_HOURS"), rawName);
  const messages = await consumer.consume({ max_messages: 500 });
  let n = 0;
  for await (const m of messages) {
    JSON.parse(m.string());
    m.ack();
    n++;
    if (m.info.pending === 0) break;
  }
  await messages.close();
  const rawRate = n / ((performance.now() - rawStart) / 1000);
  await nats.jsm.consumers.delete(naming.stream("CE_HOURS"), rawName).catch(() => {});
  await nats.nc.close();

  const load = os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(" / ");
  recordBenchmark(
    repoRootOf(import.meta.dirname),
    "reporting-lag",
    "Reporting: approval → read-model lag, and the consumer's events/s",
    [
      {
        metric: "approval → reporting inbox lag (p50 / p99)",
        value: `${ms(percentile(lags, 50))} / ${ms(percentile(lags, 99))}`,
        note: `${lags.length} 审核通过 through the real hours service (approvals.approve, one call each, at most ${IN_FLIGHT} at once) at ${achieved.toFixed(1)}/s asked ${rate}/s${failed ? `, ${failed} calls failed` : ""}; outbox.created_at → inbox.received_at`,
      },
      {
        metric: "of which hours' outbox relay (p50 / p99)",
        value: `${ms(percentile(relayLags, 50))} / ${ms(percentile(relayLags, 99))}`,
        note: "outbox.created_at → published_at",
      },
      {
        metric: "reporting consumer, CE_HOURS from nothing",
        value: `${consumerRate.toFixed(0)} events/s`,
        note: `${d.n} events (durable consumer: inbox + hour record + unit_figures per event, the waiting ones up to 100 in one transaction)`,
      },
      { metric: "raw JetStream consume + ack, same messages", value: `${rawRate.toFixed(0)} events/s`, note: `${n} messages, JSON parsed, no database` },
    ],
    `Load average at the end ${load}.`,
  );
  log(`consumer ${consumerRate.toFixed(0)} events/s, raw ${rawRate.toFixed(0)} events/s`);
} finally {
  await reporting?.stop();
  await world.close();
  for (const url of reportingUrls) await dropTestDatabase(url);
}
