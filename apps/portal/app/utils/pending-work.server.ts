import type { Me } from "@ce/contracts";
import type { Api } from "./api.server.ts";
import { canOpen, locate } from "./menu.ts";

/** A queue of records waiting for the viewer's unit, by the menu page that works it, and how to count it. */
interface Queue {
  path: string;
  /** The queue's size: its list's `total` for one row (the services scope it to the caller). */
  count: (api: Api) => Promise<number>;
}

const ONE_ROW = { page: 1, pageSize: 1 } as const;

/** 审核账户's queues and 学时审批, in the menu's order. */
const queues: readonly Queue[] = [
  { path: "/reviews/employers", count: async (api) => (await api.identity.review.employers.query(ONE_ROW)).total },
  { path: "/reviews/professionals", count: async (api) => (await api.identity.review.professionals.query(ONE_ROW)).total },
  { path: "/reviews/profile-changes", count: async (api) => (await api.identity.profileChanges.list.query(ONE_ROW)).total },
  { path: "/reviews/transfers", count: async (api) => (await api.identity.transfers.list.query({ ...ONE_ROW, direction: "in", status: "PENDING" })).total },
  { path: "/reviews/unit-changes", count: async (api) => (await api.identity.unitChanges.list.query({ ...ONE_ROW, tab: "PENDING" })).total },
  { path: "/hours/approvals", count: async (api) => (await api.hours.approvals.list.query(ONE_ROW)).total },
];

/** One line of 首页's 待办事项: the page, its menu label and how many records wait (null: its service did not answer). */
export interface PendingWork {
  path: string;
  label: string;
  count: number | null;
}

/**
 * 首页 › 待办事项 (new-user pass F24): for each queue whose page the viewer may open (utils/menu.ts
 * canOpen: their permissions, as the menu shows them), how many records wait for them — one
 * one-row list call per queue, in parallel. A queue whose service fails reads null; the home
 * page still opens. Empty for a professional.
 */
export async function pendingWork(api: Api, viewer: Me): Promise<PendingWork[]> {
  const open = queues.flatMap((q) => {
    const at = locate(q.path);
    return at !== null && canOpen(viewer, at.page) ? [{ ...q, label: at.page.label }] : [];
  });
  return Promise.all(open.map(async (q) => ({ path: q.path, label: q.label, count: await q.count(api).catch(() => null) })));
}
