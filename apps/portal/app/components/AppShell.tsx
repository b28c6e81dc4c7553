import type { Me } from "@ce/contracts";
import { Link, NavLink, useLocation } from "@remix-run/react";
import { type KeyboardEvent, type ReactNode, useId, useRef, useState } from "react";
import { PLATFORM_NAME } from "../utils/brand.ts";
import { locate, sectionHref, visibleMenu } from "../utils/menu.ts";
import { FlashNotice } from "./FlashNotice.tsx";
import { Form } from "./Form.tsx";

type Viewer = Pick<Me, "name" | "userType" | "permissions" | "isProvince">;

/**
 * 您好! <name>, with 修改密码 and 退出 under it (guide §2: hidden under the admin's name). A disclosure
 * (<details>): Enter or Space on the name opens it, Escape closes it and puts focus back on the name.
 */
function UserMenu({ name }: { name: string }) {
  const location = useLocation();
  const summary = useRef<HTMLElement>(null);
  const closeOnEscape = (e: KeyboardEvent<HTMLDetailsElement>) => {
    if (e.key !== "Escape" || !e.currentTarget.open) return;
    e.currentTarget.open = false;
    summary.current?.focus();
  };
  // A new element per navigation: the dropdown is closed once the person has gone somewhere.
  return (
    <details key={location.key} className="relative" onKeyDown={closeOnEscape}>
      <summary ref={summary} className="cursor-pointer list-none rounded px-2 py-1 text-sm hover:bg-white/10 [&::-webkit-details-marker]:hidden">
        {`您好! ${name}`} <span aria-hidden="true">▾</span>
      </summary>
      <div className="absolute right-0 z-20 mt-1 w-32 overflow-hidden rounded border border-gray-200 bg-white py-1 text-sm text-gray-800 shadow-lg">
        <Link to="/account/password" className="block px-4 py-2 hover:bg-blue-50">
          修改密码
        </Link>
        <Form method="post" action="/logout">
          <button type="submit" className="block w-full px-4 py-2 text-left hover:bg-blue-50">
            退出
          </button>
        </Form>
      </div>
    </details>
  );
}

/** The classes of a menu the 菜单 button folds away below md (768 px): shown while `open`, always from md up; never printed. */
function foldable(open: boolean): string {
  return `${open ? "block" : "hidden"} md:block print:hidden`;
}

/**
 * The 菜单 button of a phone (hidden from md up): shows and hides the menus it `controls` (ids),
 * its state in aria-expanded.
 */
function MenuButton({ open, controls, onToggle }: { open: boolean; controls: string; onToggle: () => void }) {
  return (
    <button
      type="button"
      aria-expanded={open}
      aria-controls={controls}
      onClick={onToggle}
      className="rounded border border-white/40 px-3 py-1 text-sm hover:bg-white/10 focus-visible:outline-2 focus-visible:outline-white md:hidden"
    >
      <span aria-hidden="true">☰ </span>菜单
    </button>
  );
}

function MainMenu({ viewer, id, open }: { viewer: Viewer; id: string; open: boolean }) {
  const { pathname } = useLocation();
  const current = locate(pathname)?.section.label ?? (pathname === "/" ? "首页" : null);
  const item = (active: boolean) =>
    `block px-4 py-2.5 text-sm whitespace-nowrap ${active ? "bg-white text-blue-800 font-semibold" : "text-white hover:bg-blue-600"}`;
  return (
    <nav id={id} aria-label="主菜单" className={`bg-blue-700 shadow-inner ${foldable(open)}`}>
      <ul className="mx-auto flex max-w-7xl flex-wrap px-4">
        <li>
          <Link to="/" className={item(current === "首页")} aria-current={current === "首页" ? "page" : undefined}>
            首页
          </Link>
        </li>
        {visibleMenu(viewer).map((section) => (
          <li key={section.label} className="group relative">
            <Link to={sectionHref(section)} className={item(current === section.label)} aria-current={current === section.label ? "page" : undefined}>
              {section.label}
            </Link>
            {section.pages.length > 1 ? (
              <ul className="absolute left-0 z-10 hidden min-w-44 rounded-b border border-gray-200 bg-white py-1 shadow-lg group-focus-within:block group-hover:block">
                {section.pages.map((page) => (
                  <li key={page.path}>
                    <Link to={page.path} className="block px-4 py-2 text-sm whitespace-nowrap text-gray-800 hover:bg-blue-50">
                      {page.label}
                    </Link>
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The section of the viewer's menu `pathname` lies in, when it has more than one page (SectionNav lists them); else undefined. */
function sectionWithPages(viewer: Viewer, pathname: string) {
  const label = locate(pathname)?.section.label;
  const section = visibleMenu(viewer).find((s) => s.label === label);
  return section && section.pages.length > 1 ? section : undefined;
}

/** The current section's pages beside the content (a section of more than one page: sectionWithPages). */
function SectionNav({ section, id, open }: { section: NonNullable<ReturnType<typeof sectionWithPages>>; id: string; open: boolean }) {
  return (
    <nav id={id} aria-label={section.label} className={`w-full shrink-0 md:w-48 ${foldable(open)}`}>
      <h2 className="rounded-t bg-blue-800 px-4 py-2 text-sm font-semibold text-white">{section.label}</h2>
      <ul className="rounded-b border border-t-0 border-gray-200 bg-white py-1">
        {section.pages.map((page) => (
          <li key={page.path}>
            <NavLink
              to={page.path}
              className={({ isActive }) =>
                `block border-l-4 px-4 py-2 text-sm ${
                  isActive ? "border-blue-700 bg-blue-50 font-medium text-blue-800" : "border-transparent text-gray-700 hover:bg-gray-50"
                }`
              }
            >
              {page.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/**
 * Header, menu and content panel of every signed-in page; printed, only the content (学时证明 is
 * printed from its page). Below md (a phone) the main menu and the section's pages are folded
 * behind the header's 菜单 button, so the page's own content starts on the first screen; the menu
 * is open only at the address it was opened at (going anywhere folds it again).
 */
export function AppShell({ viewer, children }: { viewer: Viewer | null; children: ReactNode }) {
  const location = useLocation();
  const [openAt, setOpenAt] = useState<string | null>(null);
  const open = openAt === location.key;
  const mainId = useId();
  const sectionId = useId();
  const section = viewer ? sectionWithPages(viewer, location.pathname) : undefined;
  return (
    <div className="flex min-h-screen flex-col">
      <header className="bg-gradient-to-r from-blue-900 to-blue-800 text-white print:hidden">
        <div className="mx-auto flex max-w-7xl items-center justify-between gap-4 px-6 py-4">
          <Link to="/" className="text-lg font-bold tracking-wide md:text-xl">
            {PLATFORM_NAME}
          </Link>
          {viewer ? (
            <div className="flex items-center gap-2">
              <MenuButton open={open} controls={section ? `${mainId} ${sectionId}` : mainId} onToggle={() => setOpenAt(open ? null : location.key)} />
              <UserMenu name={viewer.name} />
            </div>
          ) : null}
        </div>
      </header>
      {viewer ? <MainMenu viewer={viewer} id={mainId} open={open} /> : null}
      <div className="mx-auto flex w-full max-w-7xl flex-1 flex-col gap-4 px-4 py-5 md:flex-row">
        {section ? <SectionNav section={section} id={sectionId} open={open} /> : null}
        <main className="min-w-0 flex-1 rounded border border-gray-200 bg-white p-5 shadow-sm print:border-0 print:p-0 print:shadow-none">
          <FlashNotice />
          {children}
        </main>
      </div>
    </div>
  );
}
