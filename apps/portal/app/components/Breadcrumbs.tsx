/** The guide's trail above every page, e.g. `管理直属账户 > 管理下级单位`. */
export function Breadcrumbs({ trail }: { trail: readonly string[] }) {
  return (
    <nav aria-label="当前位置" className="mb-4 border-b border-gray-200 pb-2 text-sm text-gray-600">
      {trail.map((label, i) => (
        <span key={trail.slice(0, i + 1).join(" > ")}>
          {i > 0 ? <span className="mx-1 text-gray-600">{" > "}</span> : null}
          <span className={i === trail.length - 1 ? "font-medium text-gray-900" : undefined}>{label}</span>
        </span>
      ))}
    </nav>
  );
}
