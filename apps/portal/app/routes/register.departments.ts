import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { createApi } from "../utils/api.server.ts";
import { resourceLoader } from "../utils/resource.server.ts";

// 工作部门 choices of the unit picked on the professional registration form.
export const loader = resourceLoader(async ({ request, context }: LoaderFunctionArgs) => {
  const unitId = z.uuid().safeParse(new URL(request.url).searchParams.get("unitId"));
  if (!unitId.success) return data({ departments: [] });
  const departments = await createApi(request, context, null)
    .identity.registration.departments.query({ unitId: unitId.data })
    .catch(() => []);
  return data({ departments }, { headers: { "Cache-Control": "no-store" } });
});
