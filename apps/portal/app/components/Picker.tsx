import { looksLikeIdNumber, servedPage } from "@ce/contracts";
import { type KeyboardEvent, useEffect, useId, useRef, useState } from "react";
import type { PickerKind, PickerOption, PickerPage } from "../utils/picker.server.ts";
import { useCsrfToken } from "./Form.tsx";
import { Field, inputBase } from "./forms.tsx";

export type { PickerOption };

/** What the list says when nothing matches, per kind. */
const NOTHING: Record<PickerKind, string> = {
  declarable: "没有找到可申报的人员（须为本单位及下级单位审核通过的人员）",
  transfer: "没有找到可调出的人员（须为审核通过、且没有未完成调转的人员）",
  admin: "没有找到可设为管理员的人员（须为本单位审核通过、且尚不是管理员的人员）",
  authority: "没有找到符合条件的主管部门",
  employer: "没有找到符合条件的用人单位",
  unit: "没有找到符合条件的单位",
};

// A typed text the service looks up as a full ID number (contracts looksLikeIdNumber, the same
// question utils/picker.server.ts asks) is searched on Enter only, never per keystroke.

/**
 * The one searchable picker (WAI-ARIA combobox with a listbox popup): type part of a name — or a
 * whole 证件号 and Enter — and choose from the server's pages of matches (routes/pick.$kind.ts,
 * POSTed so a number never lands in a URL). Arrow keys move through the list, Enter chooses,
 * Escape closes, 上一页/下一页 page; the count found is announced. The chosen values travel as
 * hidden inputs named `name` (one, or one per choice when `multiple`); the search box itself has
 * no name, so what is typed is never submitted. `initial`: the choices to start with;
 * `exclude`: values never offered; `onChange`: told the choices after each change.
 */
export function Picker({
  kind,
  name,
  id,
  label,
  multiple = false,
  initial = [],
  exclude = [],
  placeholder = "输入姓名或证件号搜索",
  nothing,
  invalid = false,
  describedBy,
  width = "w-full",
  onChange,
}: {
  kind: PickerKind;
  name: string;
  /** The search box's id (its <label htmlFor>). */
  id: string;
  /** The accessible name of the search box and list (选择申请人, 主管部门, …). */
  label: string;
  multiple?: boolean;
  initial?: readonly PickerOption[];
  exclude?: readonly string[];
  placeholder?: string;
  invalid?: boolean;
  describedBy?: string | undefined;
  /** A Tailwind width class for the whole picker. */
  width?: string;
  onChange?: (chosen: PickerOption[]) => void;
  /** What the list says when nothing matches, where the kind's usual words do not fit this caller (a CE base's 选择申请人). */
  nothing?: string;
}) {
  const csrf = useCsrfToken();
  const listId = useId();
  const statusId = useId();
  const [chosen, setChosen] = useState<PickerOption[]>([...initial]);
  const [text, setText] = useState("");
  const [open, setOpen] = useState(false);
  const [result, setResult] = useState<PickerPage | null>(null);
  const [active, setActive] = useState(-1);
  const [status, setStatus] = useState("");
  const inputRef = useRef<HTMLInputElement>(null);
  const asked = useRef(0);

  const items = (result?.items ?? []).filter((o) => !exclude.includes(o.value));
  const lastPage = result ? servedPage(result.page, result.pageSize, result.total).pageCount : 1;

  async function search(q: string, page: number) {
    const mine = ++asked.current;
    setStatus("正在查找…");
    const body = new URLSearchParams({ _csrf: csrf, q, page: String(page) });
    try {
      const res = await fetch(`/pick/${kind}`, { method: "POST", body, headers: { Accept: "application/json" }, credentials: "same-origin" });
      const answer = (await res.json()) as PickerPage | { message: string };
      if (mine !== asked.current) return;
      if (!res.ok || "message" in answer) {
        setResult(null);
        setStatus("message" in answer ? answer.message : "查找失败，请稍后再试");
      } else {
        setResult(answer);
        setActive(answer.items.length > 0 ? 0 : -1);
        const pages = servedPage(answer.page, answer.pageSize, answer.total).pageCount;
        setStatus(answer.total === 0 ? (nothing ?? NOTHING[kind]) : `找到${answer.total}条，第${answer.page}/${pages}页，用上下方向键选择，回车确定`);
      }
      setOpen(true);
    } catch {
      if (mine === asked.current) setStatus("查找失败，请检查网络后重试");
    }
  }

  // Names are searched as they are typed (after a short pause); an ID number only on Enter.
  const typing = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  function onType(value: string) {
    setText(value);
    clearTimeout(typing.current);
    // The list on screen answers the text before this change: Enter must not choose from it, nor
    // from an answer still on its way (the search on focus): that answer is dropped when it lands.
    asked.current += 1;
    setActive(-1);
    const q = value.trim();
    if (looksLikeIdNumber(q)) {
      setResult(null);
      setOpen(false);
      setStatus("按回车键按证件号查找");
      return;
    }
    typing.current = setTimeout(() => void search(q, 1), 250);
  }
  useEffect(() => () => clearTimeout(typing.current), []);

  function choose(option: PickerOption) {
    const next = multiple ? [...chosen.filter((c) => c.value !== option.value), option] : [option];
    setChosen(next);
    onChange?.(next);
    setStatus(`已选择${option.label}`);
    if (!multiple) {
      setOpen(false);
      setText("");
      setResult(null);
    }
  }

  function remove(option: PickerOption) {
    const next = chosen.filter((c) => c.value !== option.value);
    setChosen(next);
    onChange?.(next);
    setStatus(`已移除${option.label}`);
    inputRef.current?.focus();
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      if (!open) {
        void search(text.trim(), 1);
        return;
      }
      if (items.length === 0) return;
      setActive((i) => (e.key === "ArrowDown" ? (i + 1) % items.length : (i - 1 + items.length) % items.length));
    } else if (e.key === "Enter") {
      if (open && active >= 0 && items[active]) {
        e.preventDefault();
        choose(items[active]);
      } else if (text.trim() !== "") {
        e.preventDefault();
        void search(text.trim(), 1);
      }
    } else if (e.key === "Escape" && open) {
      e.preventDefault();
      setOpen(false);
    } else if ((e.key === "PageDown" || e.key === "PageUp") && open && result) {
      e.preventDefault();
      const page = e.key === "PageDown" ? Math.min(lastPage, result.page + 1) : Math.max(1, result.page - 1);
      if (page !== result.page) void search(text.trim(), page);
    }
  }

  const activeId = open && active >= 0 && items[active] ? `${listId}-${active}` : undefined;
  return (
    <div className={`relative ${width}`}>
      {chosen.map((c) => (
        <input key={c.value} type="hidden" name={name} value={c.value} />
      ))}
      {chosen.length > 0 ? (
        <ul aria-label={`已选择的${label}`} className="mb-1 flex flex-wrap gap-1 text-sm">
          {chosen.map((c) => (
            <li key={c.value} className="inline-flex items-center gap-1 rounded bg-blue-50 px-2 py-0.5 text-blue-900">
              <span>
                {c.label}
                {c.hint ? <span className="ml-1 text-xs text-gray-700">（{c.hint}）</span> : null}
              </span>
              <button
                type="button"
                onClick={() => remove(c)}
                aria-label={`移除${c.label}`}
                className="rounded px-1 text-gray-700 hover:bg-blue-100 focus-visible:outline-2 focus-visible:outline-blue-700"
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <input
        ref={inputRef}
        id={id}
        type="text"
        role="combobox"
        aria-label={label}
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={activeId}
        aria-invalid={invalid || undefined}
        aria-describedby={[statusId, describedBy].filter(Boolean).join(" ")}
        autoComplete="off"
        value={text}
        placeholder={chosen.length > 0 && !multiple ? "重新搜索以更换" : placeholder}
        maxLength={50}
        onChange={(e) => onType(e.target.value)}
        onFocus={() => {
          if (!result) void search(text.trim(), 1);
          else setOpen(true);
        }}
        onBlur={(e) => {
          // Leaving for the list's own buttons keeps it open.
          if (!e.currentTarget.parentElement?.contains(e.relatedTarget as Node | null)) setOpen(false);
        }}
        onKeyDown={onKeyDown}
        className={`${inputBase} w-full`}
      />
      <p id={statusId} role="status" aria-live="polite" className={open || status.startsWith("按回车") ? "mt-1 text-xs text-gray-700" : "sr-only"}>
        {status}
      </p>
      {/* As wide as the search box on a phone (wider would run off the screen), at least 16rem from sm up. */}
      <div hidden={!open} className="absolute z-20 mt-1 w-full rounded sm:min-w-64 border border-gray-300 bg-white shadow-lg">
        <div id={listId} role="listbox" aria-label={label} className="max-h-72 overflow-y-auto py-1 text-sm">
          {items.map((o, i) => (
            // biome-ignore lint/a11y/useKeyWithClickEvents: the combobox's input handles the keys (aria-activedescendant)
            <div
              key={o.value}
              id={`${listId}-${i}`}
              role="option"
              tabIndex={-1}
              aria-selected={i === active}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => choose(o)}
              onMouseEnter={() => setActive(i)}
              className={`cursor-pointer px-3 py-1.5 ${i === active ? "bg-blue-700 text-white" : "text-gray-900"}`}
            >
              {o.label}
              {o.hint ? <span className={`ml-2 text-xs ${i === active ? "text-white" : "text-gray-700"}`}>{o.hint}</span> : null}
            </div>
          ))}
        </div>
        {result && lastPage > 1 ? (
          <div className="flex items-center justify-between border-t border-gray-200 px-3 py-1 text-xs text-gray-700">
            <button
              type="button"
              disabled={result.page <= 1}
              onClick={() => void search(text.trim(), result.page - 1)}
              className="text-blue-700 disabled:text-gray-500"
            >
              上一页
            </button>
            <span>
              第{result.page}/{lastPage}页
            </span>
            <button
              type="button"
              disabled={result.page >= lastPage}
              onClick={() => void search(text.trim(), result.page + 1)}
              className="text-blue-700 disabled:text-gray-500"
            >
              下一页
            </button>
          </div>
        ) : null}
      </div>
    </div>
  );
}

/**
 * A form row (Field labelled `rowLabel`, `required` marked) whose control is a Picker bound to a
 * conform `field`: the field's messages under it, the picker invalid and described by them while
 * there are any. The rest are the Picker's own props (its `id` is the row label's target).
 */
export function PickerField({
  rowLabel,
  field,
  required = false,
  ...picker
}: { rowLabel: string; field: { errors?: string[] | undefined; errorId: string }; required?: boolean } & Omit<
  Parameters<typeof Picker>[0],
  "invalid" | "describedBy"
>) {
  return (
    <Field label={rowLabel} htmlFor={picker.id} errors={field.errors} errorId={field.errorId} required={required}>
      <Picker {...picker} invalid={Boolean(field.errors)} describedBy={field.errorId} />
    </Field>
  );
}
