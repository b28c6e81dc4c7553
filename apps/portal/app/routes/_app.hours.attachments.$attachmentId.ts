import type { LoaderFunctionArgs } from "@remix-run/node";
import { downloadLoader } from "../utils/download-refusal.server.ts";
import { requireUser, rethrowServiceError } from "../utils/session.server.ts";

// A declaration's 附件 as an image for thumbnails and 详细; the hours service checks the caller's scope.
// Opened by itself and refused (another unit's, unknown), it goes back to 查看申报记录 with the message;
// a thumbnail's fetch gets the status only (downloadLoader).
export const loader = downloadLoader(
  () => "/hours/records",
  async ({ request, context, params }: LoaderFunctionArgs) => {
    const { api } = await requireUser(request, context);
    const file = await api.hours.attachments.get.query({ attachmentId: params.attachmentId ?? "" }).catch((e) => rethrowServiceError(request, e));
    return new Response(Buffer.from(file.contentBase64, "base64"), {
      headers: {
        "Content-Type": file.contentType,
        "Content-Length": String(file.size),
        "Cache-Control": "private, max-age=3600",
        "X-Content-Type-Options": "nosniff",
        "Content-Disposition": `inline; filename*=UTF-8''${encodeURIComponent(file.name)}`,
      },
    });
  },
);
