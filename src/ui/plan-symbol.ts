/** The sign and colour of a plan line: `+` adds, `~` changes, `-` removes, `!` blocked, `=` ownership only. */
import type { PlanItem } from "../core/plan-model.js";

export type Hue = "green" | "yellow" | "red" | "magenta" | "cyan";

export function planSymbol(i: PlanItem): { sign: string; hue: Hue } {
  if (i.blocked) return { sign: "!", hue: "magenta" };
  switch (i.action) {
    case "create":
    case "recreate":
      return { sign: "+", hue: "green" };
    case "update":
      return { sign: "~", hue: "yellow" };
    case "delete":
      return { sign: "-", hue: "red" };
    case "conflict":
    case "drift":
      return i.resolved_by === "force" ? { sign: "~", hue: "yellow" } : { sign: "=", hue: "cyan" };
    case "adopt":
    case "release":
    case "forget":
    case "noop":
      return { sign: "=", hue: "cyan" };
  }
}

/** A commit SHA is shown short; other pins (a path, name@version) as they are. */
export function shortPin(pin: string): string {
  return /^[0-9a-f]{40}$/.test(pin) ? pin.slice(0, 7) : pin;
}
