/**
 * What 查询统计's pages say next to 统计时间 / 结束时间 when reporting's answer is not final
 * (contracts AnswerFinal false: the day asked for is today on the Beijing calendar, not yet
 * closed): the figures may still change today; a day before today gives an answer that does not.
 * Nothing when the answer is final.
 */
export function NotFinal({ final }: { final: boolean }) {
  if (final) return null;
  return <span className="ml-2 text-amber-700">（今天尚未结束，数据可能变化；选择今天以前的日期可得到不再变化的结果）</span>;
}
