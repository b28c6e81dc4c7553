import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { PlaceholderPage } from "../components/PlaceholderPage.tsx";
import { placeholderPage } from "../utils/placeholder.server.ts";

// 管理下级单位 › 管理员信息 (not built yet).
export const loader = ({ request, context }: LoaderFunctionArgs) =>
  placeholderPage(request, context, "/accounts/subordinates", "管理员信息");

export default function SubordinateAdminsPage() {
  return <PlaceholderPage trail={useLoaderData<typeof loader>().trail} />;
}
