import { type ActionFunctionArgs, data } from "@remix-run/node";
import { classifyError, failureStatus } from "../utils/errors.server.ts";
import { readTextForm } from "../utils/form-data.server.ts";
import { PickerKind, PickerQuery, pickerRefusal, searchPicker } from "../utils/picker.server.ts";
import { resourceLoader } from "../utils/resource.server.ts";
import { requireUser } from "../utils/session.server.ts";

// The one picker's searches (components/Picker.tsx): POST only, so a typed ID number stays in the
// body (never in a URL, a log line or history). Answers { items, page, pageSize, total } or
// { message } with the failure's status (400 for an ID number no one can have); 404 for an unknown kind.
// The picker fetches this address itself (not through a Remix fetcher), so its answers are Responses:
// a `data()` returned from a resource route would reach it as 200 without its Cache-Control.
export const action = resourceLoader(async ({ request, context, params }: ActionFunctionArgs) => {
  const kind = PickerKind.safeParse(params.kind);
  if (!kind.success) throw data({ message: "没有这种选择列表" }, { status: 404 });
  const { api } = await requireUser(request, context);
  const query = PickerQuery.safeParse(Object.fromEntries(await readTextForm(request)));
  if (!query.success) return Response.json({ message: query.error.issues[0]?.message ?? "搜索内容格式不正确" }, { status: 400 });
  const refused = pickerRefusal(kind.data, query.data);
  if (refused) return Response.json({ message: refused }, { status: 400 });
  try {
    return Response.json(await searchPicker(api, kind.data, query.data), { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    const failure = classifyError(error);
    return Response.json({ message: failure.message }, { status: failureStatus(failure), headers: { "Cache-Control": "no-store" } });
  }
});

// A GET (a typed address, a crawler) is told how this works instead of the bare 405 Remix sends.
export const loader = resourceLoader(async () => {
  throw data({ message: "请在页面的选择框中输入姓名或证件号搜索" }, { status: 405 });
});
