import { formatDateTime } from "@ce/contracts";
import { Notice } from "./Notice.tsx";

/**
 * The outcome of the requester's latest change request once it was decided (人员信息修改 on 个人信息,
 * 修改单位信息 / 更换上级部门 on 基本信息修改): 驳回 with the reviewer's reason, or 审核通过. `what` names the
 * request ("修改申请"); `createdAt` is when it was sent, shown in Beijing time. Nothing while none
 * was decided (none sent, or one still 审核中).
 */
export function ChangeOutcome({ what, change }: { what: string; change: { status: string; reason: string | null; createdAt: string | Date } | null }) {
  if (!change || (change.status !== "REJECTED" && change.status !== "APPROVED")) return null;
  const when = formatDateTime(new Date(change.createdAt), { seconds: false });
  return (
    <div className="mb-3">
      {change.status === "REJECTED" ? (
        <Notice tone="error">
          您于{when}提交的{what}已被驳回{change.reason ? `：${change.reason}` : "。"}
        </Notice>
      ) : (
        <Notice tone="success">
          您于{when}提交的{what}已审核通过。
        </Notice>
      )}
    </div>
  );
}
