/** A duration for people: "40 seconds", "3 minutes", "5 hours", "2 days". */
export function age(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  const [n, unit] = s < 90 ? [s, "second"] : s < 90 * 60 ? [Math.round(s / 60), "minute"] : s < 36 * 3600 ? [Math.round(s / 3600), "hour"] : [Math.round(s / 86400), "day"];
  return `${n} ${unit}${n === 1 ? "" : "s"}`;
}
