// 批量导入 as a job (issue 12): the rules of a job's life — who is new in a batch, when an import may
// be undone and which imported people undo keeps. Pure.
import { IMPORT_UNDO_WINDOW_MS, type ImportJob, type ImportJobStatus, type ImportKeptPerson, type ImportKeptReason } from "@ce/contracts";

/** An import job as stored (import_job), the fields the rules and the page read. */
export interface ImportJobRecord {
  id: string;
  unitId: string;
  fileName: string;
  status: string;
  totalRows: number;
  rowsDone: number;
  importable: number;
  createdCount: number;
  existingCount: number;
  invalidCount: number;
  error: string | null;
  createdAt: Date;
  finishedAt: Date | null;
  undoneAt: Date | null;
  removedCount: number | null;
  kept: unknown;
}

/** The messages a refused start or undo gives, in Chinese. */
export const importJobMessages = {
  notFound: "导入任务不存在或不属于本单位",
  notChecked: "该文件已导入或正在导入，请勿重复提交",
  nothingToImport: "该文件没有可导入的人员",
  undoNotDone: "只有已完成的导入可以撤销",
  undoExpired: "导入完成已超过24小时，不能撤销",
  undoAlready: "该导入已撤销",
} as const;

/** When a finished import may no longer be undone (finishedAt + 24 h), or null while it has not finished. */
export function undoUntil(job: Pick<ImportJobRecord, "finishedAt">): Date | null {
  return job.finishedAt ? new Date(job.finishedAt.getTime() + IMPORT_UNDO_WINDOW_MS) : null;
}

/**
 * Why `job` cannot be undone at `now` (importJobMessages), or null when it can: only a DONE job,
 * within IMPORT_UNDO_WINDOW_MS (24 h) of finishing, and only once.
 */
export function undoRefusal(job: Pick<ImportJobRecord, "status" | "finishedAt">, now: Date): string | null {
  if (job.status === "UNDONE") return importJobMessages.undoAlready;
  if (job.status !== "DONE") return importJobMessages.undoNotDone;
  const until = undoUntil(job);
  if (!until || now.getTime() > until.getTime()) return importJobMessages.undoExpired;
  return null;
}

/** What undo knows of one imported person: whether anyone touched them since the import. */
export interface ImportedPersonState {
  accountId: string;
  name: string;
  idNumberMasked: string;
  /** The account signed in (activated) since. */
  activated: boolean;
  /** professional.version: 1 until a change was published (a profile change, a review). */
  version: number;
  /** A 人员信息修改 request exists for them. */
  profileChangeRequested: boolean;
  /** hours' first declaration.submitted for them arrived. */
  hoursDeclared: boolean;
  /** A 人员调转 names them. */
  transferred: boolean;
  /** They were made an admin. */
  admin: boolean;
}

/**
 * Why undo keeps an imported person (the first that applies: 已申报学时, 已登录, 已修改信息, 已调转,
 * 已是管理员), or null when nobody touched them and undo removes them.
 */
export function keptReason(p: ImportedPersonState): ImportKeptReason | null {
  if (p.hoursDeclared) return "HOURS_DECLARED";
  if (p.activated) return "SIGNED_IN";
  if (p.version > 1 || p.profileChangeRequested) return "PROFILE_CHANGED";
  if (p.transferred) return "TRANSFERRED";
  if (p.admin) return "ADMIN";
  return null;
}

/** Splits undo's candidates into the ids it removes and the people it keeps (with why). */
export function undoPlan<T extends ImportedPersonState>(people: readonly T[]): { remove: T[]; kept: ImportKeptPerson[] } {
  const remove: T[] = [];
  const kept: ImportKeptPerson[] = [];
  for (const p of people) {
    const reason = keptReason(p);
    if (reason) kept.push({ name: p.name, idNumberMasked: p.idNumberMasked, reason });
    else remove.push(p);
  }
  return { remove, kept };
}

/**
 * The first row of each 证件类型+证件号 key in a batch (`key` gives it); later rows with a key
 * already seen — in this batch or in `seen` (earlier batches of the same file) — are repeats and
 * counted 已存在. Adds the new keys to `seen`.
 */
export function firstOfEachKey<T>(rows: readonly T[], key: (row: T) => string, seen: Set<string>): { fresh: T[]; repeats: number } {
  const fresh: T[] = [];
  let repeats = 0;
  for (const row of rows) {
    const k = key(row);
    if (seen.has(k)) repeats++;
    else {
      seen.add(k);
      fresh.push(row);
    }
  }
  return { fresh, repeats };
}

const keptList = (value: unknown): ImportKeptPerson[] => (Array.isArray(value) ? (value as ImportKeptPerson[]) : []);

/** The page's view of a job (ImportJob): counts, times as ISO instants, the undo deadline. */
export function importJobView(job: ImportJobRecord): ImportJob {
  const until = undoUntil(job);
  return {
    jobId: job.id,
    fileName: job.fileName,
    status: job.status as ImportJobStatus,
    totalRows: job.totalRows,
    rowsDone: job.rowsDone,
    importable: job.importable,
    created: job.createdCount,
    existing: job.existingCount,
    invalid: job.invalidCount,
    error: job.error,
    createdAt: job.createdAt.toISOString(),
    finishedAt: job.finishedAt?.toISOString() ?? null,
    undoUntil: job.status === "DONE" && until ? until.toISOString() : null,
    undoneAt: job.undoneAt?.toISOString() ?? null,
    removed: job.removedCount,
    kept: keptList(job.kept),
  };
}
