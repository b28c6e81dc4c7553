// 证件号 never in a URL: for every page that searches by ID number, a search posted through
// /id-search comes back as a redirect whose URL, the page's export links and the service calls
// behind it carry no number — and the service still gets the number, in a request body.

import { generateResidentId } from "@ce/contracts";
import type { AppLoadContext, LoaderFunctionArgs } from "@remix-run/node";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { admin, ids } from "./form-action-cases.test-support.ts";
import { startStandIns } from "./service-stand-ins.test-support.ts";

const NUMBER = generateResidentId("370102", new Date(Date.UTC(1986, 2, 9)), 41);
const MASKED = `${NUMBER.slice(0, 10)}****${NUMBER.slice(-4)}`;
const person = { accountId: ids.a, name: "张三", idNumberMasked: MASKED, unitName: "济南公交", education: "BACHELOR", titleSeries: "ENGINEERING" };
const yearRow = { accountId: ids.a, name: "张三", idNumberMasked: MASKED, year: 2025, general: 30, professional: 60, total: 90, compliant: true };

/** Every page with a 证件号 filter: its route, the export route, the procedure and a found row. */
const PAGES = [
  {
    path: "/stats/professionals",
    route: "_app.stats.professionals._index.tsx",
    exportRoute: "_app.stats.professionals.export.ts",
    procedure: "reporting:statistics.professionals",
    fields: { region: "", authority: "", name: "", idNumber: NUMBER, education: "BACHELOR" },
    row: person,
  },
  {
    path: "/stats/verification",
    route: "_app.stats.verification._index.tsx",
    exportRoute: "_app.stats.verification.export.ts",
    procedure: "reporting:statistics.verifyLearning",
    fields: { idNumber: NUMBER, name: "" },
    row: yearRow,
  },
] as const;

type Loader = (args: LoaderFunctionArgs) => Promise<unknown>;
type Action = (args: { request: Request; context: AppLoadContext; params: Record<string, string> }) => Promise<Response>;

let standIns: Awaited<ReturnType<typeof startStandIns>>;
let session: string;
let otherSession: string;
const context: AppLoadContext = { requestId: "req-12345678", clientIp: "127.0.0.1" };

beforeAll(async () => {
  standIns = await startStandIns((_service, procedure) => {
    if (procedure === "auth.me") return { data: admin };
    const row = procedure === "statistics.verifyLearning" ? yearRow : person;
    return { data: { items: [row], page: 1, pageSize: 20, total: 1 } };
  });
  vi.resetModules();
  const { commitToken } = await import("./session.server.ts");
  session = (await commitToken(new Request("http://portal.test/"), "t".repeat(43), false)).split(";")[0] as string;
  otherSession = (await commitToken(new Request("http://portal.test/"), "u".repeat(43), false)).split(";")[0] as string;
});
afterAll(() => standIns.close());
beforeEach(() => {
  standIns.calls.length = 0;
  standIns.inputs.length = 0;
  standIns.urls.length = 0;
});

/** Posts the filter form to /id-search as a browser does (urlencoded), signed in as `cookie`. */
async function search(path: string, fields: Record<string, string>, cookie = session): Promise<Response> {
  const { action } = (await import("../routes/id-search.ts")) as { action: Action };
  const body = new URLSearchParams({ _csrf: "x", to: path, ...fields });
  return action({ request: new Request("http://portal.test/id-search", { method: "POST", headers: { cookie }, body }), context, params: {} });
}

const cookieOf = (res: Response) => res.headers.getSetCookie().map((c) => c.split(";")[0] as string);

/** A loader's answer: a Response, or Remix's data() wrapper (data + init.status). */
async function load(route: string, url: string, cookie: string): Promise<{ status: number; body: string; location?: string | null }> {
  const { loader } = (await import(`../routes/${route}`)) as { loader: Loader };
  try {
    const out = (await loader({ request: new Request(`http://portal.test${url}`, { headers: { cookie } }), context, params: {} })) as
      | Response
      | { data: unknown; init: { status?: number } | null };
    if (out instanceof Response) return { status: out.status, body: await out.text(), location: out.headers.get("location") };
    return { status: out.init?.status ?? 200, body: JSON.stringify(out.data) };
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, body: await thrown.text(), location: thrown.headers.get("location") };
    const d = thrown as { data: unknown; init: { status?: number } | null };
    return { status: d.init?.status ?? 500, body: JSON.stringify(d.data) };
  }
}

/** The export link ExportLinks draws from the page's location (its query without the page). */
function exportHref(location: string, format: "xlsx" | "csv"): string {
  const url = new URL(location, "http://portal.test");
  url.searchParams.delete("page");
  if (format === "csv") url.searchParams.set("format", "csv");
  return `${url.pathname}/export?${url.searchParams}`;
}

const askedWith = (procedure: string) => standIns.inputs.filter((i) => i.call === procedure).map((i) => i.input as Record<string, unknown>);

describe.each(PAGES)("$path: a search by 证件号 never puts the number in a URL", (p) => {
  it("redirects to the page with an opaque token; the page and its exports find the person; no URL holds the number", async () => {
    const res = await search(p.path, p.fields);
    expect(res.status).toBe(303);
    const location = res.headers.get("location") ?? "";
    expect(location).toMatch(new RegExp(`^${p.path}\\?(.+&)?idq=[\\w-]{22}`));
    expect(location).not.toContain(NUMBER);
    const sealed = cookieOf(res);
    expect(sealed.map((c) => c.split("=")[0])).toEqual(["ce_idq"]);
    expect(sealed.join("")).not.toContain(NUMBER);
    const cookie = `${session}; ${sealed[0]}`;

    const page = await load(p.route, location, cookie);
    expect(page.status).toBe(200);
    expect(page.body).toContain(MASKED);
    expect(askedWith(p.procedure)[0]).toMatchObject({ idNumber: NUMBER });

    for (const format of ["xlsx", "csv"] as const) {
      const href = exportHref(location, format);
      expect(href).not.toContain(NUMBER);
      const file = await load(p.exportRoute, href, cookie);
      expect(file.status).toBe(200);
      if (format === "csv") expect(file.body).toContain(MASKED);
    }
    expect(askedWith(p.procedure).every((input) => input.idNumber === NUMBER)).toBe(true);
    // The portal's calls to the services are POSTs: no input in their URLs either.
    expect(standIns.urls.filter((u) => u.includes(NUMBER) || u.includes("input="))).toEqual([]);
  });

  it("a token opened in another session, or a number written into the URL, is refused next to 证件号 and searched by nobody", async () => {
    const res = await search(p.path, p.fields);
    const location = res.headers.get("location") ?? "";
    const foreign = await load(p.route, location, `${otherSession}; ${cookieOf(res)[0]}`);
    expect(foreign.status).toBe(400);
    expect(foreign.body).toContain("证件号查询已失效");
    const typed = await load(p.route, `${p.path}?idNumber=${NUMBER}`, session);
    expect(typed.status).toBe(400);
    expect(typed.body).toContain("证件号不能写在网址中");
    expect(typed.body).not.toContain(NUMBER);
    // An export refused goes back to its page (downloadLoader: 303, the message in a one-time cookie), the number left behind.
    const exported = await load(p.exportRoute, `${p.path}/export?idNumber=${NUMBER}`, session);
    expect(exported.status).toBe(303);
    expect(exported.location).toMatch(new RegExp(`^${p.path}`));
    expect(exported.location).not.toContain(NUMBER);
    expect(askedWith(p.procedure)).toEqual([]);
  });
});

describe("/id-search", () => {
  it("seals any value shaped like a resident ID, whatever its field, and keeps the other filters in the query", async () => {
    const res = await search("/stats/professionals", { name: NUMBER, education: "MASTER", region: "" });
    const location = new URL(res.headers.get("location") ?? "", "http://portal.test");
    expect([...location.searchParams.keys()].sort()).toEqual(["education", "idq"]);
    expect(location.searchParams.get("education")).toBe("MASTER");
  });

  it("a search without a number is a plain redirect with its filters and no cookie; `to` stays on this site", async () => {
    // The form's idempotency key (_submission) is machinery, like the CSRF token: never in the address.
    const plain = await search("/stats/professionals", { name: "张", idNumber: "", _submission: "n0nce123-:R5ar5:" });
    expect(plain.headers.get("location")).toBe("/stats/professionals?name=%E5%BC%A0");
    expect(cookieOf(plain)).toEqual([]);
    const away = await search("https://evil.example/x", { name: "张" });
    expect(away.headers.get("location")).toBe("/?name=%E5%BC%A0");
  });

  it("keeps several searches (tabs) in one cookie: an earlier token still opens after a later search", async () => {
    const first = await search("/stats/verification", { idNumber: NUMBER });
    const firstCookie = cookieOf(first)[0] as string;
    const other = generateResidentId("370102", new Date(Date.UTC(1990, 5, 1)), 43);
    const second = await search("/stats/verification", { idNumber: other }, `${session}; ${firstCookie}`);
    const cookie = `${session}; ${cookieOf(second)[0]}`;
    await load("_app.stats.verification._index.tsx", first.headers.get("location") ?? "", cookie);
    await load("_app.stats.verification._index.tsx", second.headers.get("location") ?? "", cookie);
    expect(askedWith("reporting:statistics.verifyLearning").map((i) => i.idNumber)).toEqual([NUMBER, other]);
  });
});
