/** What a non-province admin sees on the catalog pages instead of a failure. */
export function ProvinceOnlyNotice() {
  return (
    <p role="status" className="rounded border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-800">
      仅省级主管部门可维护学习形式
    </p>
  );
}
