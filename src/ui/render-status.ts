/** The status table: one block per pack, one line per agent with its counts. */
import type { Style } from "./style.js";

interface Counts {
  installed: number;
  drifted: number;
  blocked: number;
  pending: number;
}

export function renderStatus(packs: readonly { name: string; version: string; source: string; resolved: string; agents: Record<string, Counts> }[], style: Style): string {
  if (packs.length === 0) return "No packs in packs.yaml and nothing installed.\n";
  let out = "";
  for (const p of packs) {
    const pin = p.resolved && p.resolved !== p.source ? ` @ ${/^[0-9a-f]{40}$/.test(p.resolved) ? p.resolved.slice(0, 7) : p.resolved}` : "";
    out += `${style.bold(`pack ${p.name}`)}${p.version ? ` ${p.version}` : ""} (${p.source}${pin})\n`;
    const agents = Object.keys(p.agents).sort();
    if (agents.length === 0) out += `  ${style.dim("no items")}\n`;
    for (const a of agents) {
      const c = p.agents[a]!;
      const parts = [
        `${c.installed} installed`,
        c.drifted ? style.yellow(`${c.drifted} drifted`) : "",
        c.blocked ? style.red(`${c.blocked} blocked`) : "",
        c.pending ? style.cyan(`${c.pending} pending`) : "",
      ].filter(Boolean);
      out += `  ${a.padEnd(12)} ${parts.join(", ")}\n`;
    }
  }
  return out;
}
