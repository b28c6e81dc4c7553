// 批量审核通过 at scale: how long one batchApprove call takes for a full batch of MAX_BATCH_ITEMS (200)
// declarations (row locks, set-based updates, decision rows and 200 approved events into the outbox, one transaction).
// Run: `npm run bench` here or at the root; figures go to docs/benchmarks.md.

import { MAX_BATCH_ITEMS } from "@ce/contracts";
import { serviceClient } from "@ce/service-kit/testing";
import { percentile, recordBenchmark, repoRootOf } from "@ce/testkit";
import type { HoursRouter } from "../src/routers/index.ts";
import { seedPendingDeclarations } from "../test/support/declarations.ts";
import { adminOf, bootHoursWorld, bus, busDriver, jinan, province } from "../test/support/world.ts";

const BATCH = MAX_BATCH_ITEMS;
const ROUNDS = 5;

const world = await bootHoursWorld("benchapprove");
try {
  const chain = [bus, jinan, province].map((u) => ({ id: u.data.unitId, name: u.data.name }));
  const client = serviceClient<HoursRouter>(world.app.url, await adminOf(world, province));
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const ids = await seedPendingDeclarations(world.app.db, { count: BATCH, professional: busDriver.data, chain, stepIndex: 2 });
    const t = performance.now();
    await client.approvals.batchApprove.mutate({ ids: ids });
    times.push(performance.now() - t);
  }
  const relayStart = performance.now();
  const published = await world.app.relay.flush();
  const relayMs = performance.now() - relayStart;
  recordBenchmark(repoRootOf(import.meta.dirname), "hours-batch-approve", `hours: 批量审核通过 of ${BATCH} declarations`, [
    {
      metric: `batchApprove, ${BATCH} records (median)`,
      value: `${percentile(times, 50).toFixed(0)} ms`,
      note: `${ROUNDS} rounds, last level of the chain (each becomes 审核通过)`,
    },
    { metric: `batchApprove, ${BATCH} records (max)`, value: `${Math.max(...times).toFixed(0)} ms`, note: "" },
    { metric: "outbox relay drain", value: `${relayMs.toFixed(0)} ms`, note: `${published} approved events left to publish after the rounds` },
  ]);
  console.log(`batchApprove median ${percentile(times, 50).toFixed(0)} ms`);
} finally {
  await world.close();
}
