import type { ReactNode } from "react";

/**
 * A record's 详细 as the guide draws it: a bordered two-column table, the label (a row header) on
 * the left (13rem wide, 7rem on a phone so the value keeps room), the value on the right;
 * `caption` names it for screen readers.
 */
export function FactTable({ caption, facts, className = "" }: { caption: string; facts: readonly (readonly [string, ReactNode])[]; className?: string }) {
  return (
    <table className={`w-full max-w-3xl border-collapse border border-gray-300 text-sm ${className}`}>
      <caption className="sr-only">{caption}</caption>
      <tbody>
        {facts.map(([label, value]) => (
          <tr key={label}>
            <th scope="row" className="w-28 border border-gray-300 bg-blue-50 px-3 py-2 text-right font-normal text-gray-700 sm:w-52">
              {label}
            </th>
            <td className="border border-gray-300 px-3 py-2">{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
