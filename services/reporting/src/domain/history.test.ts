import { describe, expect, it } from "vitest";
import { type HistoryInterval, type HistoryPoint, historyChanges, historyIntervals, intervalAt } from "./history.ts";

type S = { unitId: string; status: string };
const at = (iso: string) => new Date(iso);
const point = (version: number, occurredAt: string, patch: Partial<S>, eventId = `e${version}`): HistoryPoint<S> => ({
  version,
  eventId,
  occurredAt: at(occurredAt),
  patch,
});

const registered = point(1, "2026-03-01T02:00:00.000Z", { unitId: "A", status: "PENDING" });
const approved = point(2, "2026-03-02T02:00:00.000Z", { unitId: "A", status: "APPROVED" });
const transferred = point(3, "2026-07-15T02:00:00.000Z", { unitId: "B", status: "APPROVED" });

/** The rows a table holds after the points arrive one by one (each arrival upserts its changes by version). */
function applyInOrder(points: HistoryPoint<S>[]): HistoryInterval<S>[] {
  const table = new Map<number, HistoryInterval<S>>();
  for (const p of points) for (const row of historyChanges([...table.values()], p)) table.set(row.version, row);
  return [...table.values()].sort((a, b) => a.version - b.version);
}

function permutations<T>(xs: T[]): T[][] {
  if (xs.length <= 1) return [xs];
  return xs.flatMap((x, i) => permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((rest) => [x, ...rest]));
}

const bounds = (rows: HistoryInterval<S>[]) => rows.map((r) => [r.version, r.validFrom.toISOString(), r.validTo?.toISOString() ?? null, r.state]);

describe("historyIntervals", () => {
  it.each([
    {
      name: "one version is open-ended",
      points: [registered],
      expected: [[1, "2026-03-01T02:00:00.000Z", null, { unitId: "A", status: "PENDING" }]],
    },
    {
      name: "each version lasts until the next one starts",
      points: [registered, approved, transferred],
      expected: [
        [1, "2026-03-01T02:00:00.000Z", "2026-03-02T02:00:00.000Z", { unitId: "A", status: "PENDING" }],
        [2, "2026-03-02T02:00:00.000Z", "2026-07-15T02:00:00.000Z", { unitId: "A", status: "APPROVED" }],
        [3, "2026-07-15T02:00:00.000Z", null, { unitId: "B", status: "APPROVED" }],
      ],
    },
    {
      name: "a partial event keeps the fields it does not carry",
      points: [approved, point(3, "2026-05-01T00:00:00.000Z", { unitId: "C" })],
      expected: [
        [2, "2026-03-02T02:00:00.000Z", "2026-05-01T00:00:00.000Z", { unitId: "A", status: "APPROVED" }],
        [3, "2026-05-01T00:00:00.000Z", null, { unitId: "C", status: "APPROVED" }],
      ],
    },
    {
      name: "a newer version stamped earlier (clock went back) starts where the older one did, leaving it empty",
      points: [approved, point(3, "2026-03-01T00:00:00.000Z", { unitId: "B", status: "APPROVED" })],
      expected: [
        [2, "2026-03-02T02:00:00.000Z", "2026-03-02T02:00:00.000Z", { unitId: "A", status: "APPROVED" }],
        [3, "2026-03-02T02:00:00.000Z", null, { unitId: "B", status: "APPROVED" }],
      ],
    },
    {
      name: "of two events with one version, the later one stands",
      points: [point(2, "2026-03-02T03:00:00.000Z", { unitId: "X", status: "APPROVED" }, "e0"), approved],
      expected: [[2, "2026-03-02T03:00:00.000Z", null, { unitId: "X", status: "APPROVED" }]],
    },
    {
      name: "of two events with one version at one instant, the greater event id stands",
      points: [point(2, "2026-03-02T02:00:00.000Z", { unitId: "X", status: "APPROVED" }, "e9"), approved],
      expected: [[2, "2026-03-02T02:00:00.000Z", null, { unitId: "X", status: "APPROVED" }]],
    },
  ])("$name", ({ points, expected }) => {
    expect(bounds(historyIntervals(points))).toEqual(expected);
  });

  it("gives the same intervals for every arrival order, with duplicates", () => {
    const all = [registered, approved, transferred, approved];
    const expected = bounds(historyIntervals(all));
    for (const order of permutations(all)) {
      expect(bounds(historyIntervals(order))).toEqual(expected);
      expect(bounds(applyInOrder(order))).toEqual(expected);
    }
  });
});

describe("historyChanges", () => {
  it("writes nothing for a duplicate event", () => {
    const held = historyIntervals([registered, approved]);
    expect(historyChanges(held, approved)).toEqual([]);
  });

  it("inserts a late older version and closes it at the next version's start", () => {
    const held = historyIntervals([registered, transferred]);
    const changes = historyChanges(held, approved);
    expect(bounds(changes)).toEqual([
      [1, "2026-03-01T02:00:00.000Z", "2026-03-02T02:00:00.000Z", { unitId: "A", status: "PENDING" }],
      [2, "2026-03-02T02:00:00.000Z", "2026-07-15T02:00:00.000Z", { unitId: "A", status: "APPROVED" }],
    ]);
  });

  it("restates later versions when a late event changes the fields they inherit", () => {
    const move = point(3, "2026-05-01T00:00:00.000Z", { unitId: "C" });
    const held = historyIntervals([registered, move]);
    expect(bounds(historyChanges(held, approved)).map(([v, , , state]) => [v, state])).toEqual([
      [1, { unitId: "A", status: "PENDING" }],
      [2, { unitId: "A", status: "APPROVED" }],
      [3, { unitId: "C", status: "APPROVED" }],
    ]);
  });
});

describe("intervalAt", () => {
  const rows = historyIntervals([registered, approved, transferred]);
  it.each([
    ["2026-02-28T00:00:00.000Z", null],
    ["2026-03-01T02:00:00.000Z", 1],
    ["2026-06-30T15:59:59.999Z", 2],
    ["2026-07-15T01:59:59.999Z", 2],
    ["2026-07-15T02:00:00.000Z", 3],
  ])("at %s the version in force is %s", (instant, version) => {
    expect(intervalAt(rows, at(instant))?.version ?? null).toBe(version);
  });
});
