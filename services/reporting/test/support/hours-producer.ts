import type { Naming } from "@ce/contracts";
import { connectNats, ensureStream, type Nats } from "@ce/service-kit";
import { TEST_NATS_URL } from "@ce/testkit";

/**
 * Plays the hours service towards reporting: owns CE_HOURS under the test's prefix and publishes
 * envelopes the way the outbox relay does (msgID = event id).
 */
export async function fakeHoursProducer(naming: Naming) {
  const nats: Nats = await connectNats(TEST_NATS_URL, `${naming.prefix}-hours`);
  await ensureStream(nats.jsm, naming, "CE_HOURS");
  return {
    ...nats,
    publish(envelope: { id: string; type: string }, msgID = envelope.id) {
      return nats.js.publish(naming.subject(envelope.type), JSON.stringify(envelope), { msgID });
    },
    async close() {
      await nats.jsm.streams.delete(naming.stream("CE_HOURS")).catch(() => {});
      await nats.nc.close();
    },
  };
}
