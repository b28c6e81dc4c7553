import type { LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { z } from "zod";
import { downloadLoader } from "../utils/download-refusal.server.ts";
import { requireUser, rethrowServiceError } from "../utils/session.server.ts";

// 调转记录 › 详情 › 附件 as an image; the identity service checks the caller administers either side.
// Opened by itself and refused, it goes back to 调转记录 with the message; the 详情 page's <img> gets the status only.
export const loader = downloadLoader(
  () => "/reviews/transfers?tab=records",
  async ({ request, context, params }: LoaderFunctionArgs) => {
    const { api } = await requireUser(request, context);
    const transferId = z.uuid().safeParse(params.transferId);
    if (!transferId.success) throw data({ message: "您访问的内容不存在" }, { status: 404 });
    const file = await api.identity.transfers.attachment.query({ transferId: transferId.data }).catch((e) => rethrowServiceError(request, e));
    const bytes = Buffer.from(file.base64, "base64");
    return new Response(bytes, {
      headers: {
        "Content-Type": file.type,
        "Content-Length": String(bytes.length),
        "Cache-Control": "private, max-age=3600",
        "X-Content-Type-Options": "nosniff",
        "Content-Disposition": `inline; filename*=UTF-8''${encodeURIComponent(file.name)}`,
      },
    });
  },
);
