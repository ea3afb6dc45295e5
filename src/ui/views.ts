/**
 * The views commands call (DESIGN §6: the plan is data; views render it). ink and React are
 * loaded on first use through a dynamic import, so `packs --version`, `--json` output and error
 * reports never pay for them; a command that will show a view can start the load early with
 * preloadViews() so it overlaps the command's own I/O.
 *
 * Two targets: a live terminal (colour if wanted, spinners, progress redrawn in place) and
 * anything else (the same content once, plain text, no escape codes: ink's renderToString).
 */
import type { Plan, PlanSummary } from "../core/plan-model.js";
import type { ApplyStep } from "./ink/apply-progress.js";
import type { FetchOperation } from "./ink/fetch-progress.js";
import type { LiveFetch, LiveTerminal, RenderTarget } from "./ink/index.js";

export type { ApplyStep, LiveTerminal, RenderTarget };

type InkViews = typeof import("./ink/index.js");
let loading: Promise<InkViews> | undefined;

function views(): Promise<InkViews> {
  return (loading ??= import("./ink/index.js"));
}

export function preloadViews(): void {
  void views();
}

export async function renderPlan(plan: Plan, target: RenderTarget): Promise<string> {
  return (await views()).planToString(plan, target);
}

/** What apply did, for a log: every step, then the summary. */
export async function renderApplyResult(done: readonly ApplyStep[], summary: PlanSummary, target: RenderTarget): Promise<string> {
  return (await views()).applyResultToString(done, summary, target);
}

export async function startApplyProgress(terminal: LiveTerminal, color: boolean, total: number) {
  return (await views()).liveApply(terminal, color, total);
}

export async function askApproval(terminal: LiveTerminal, question: string, color: boolean): Promise<string> {
  return (await views()).askOnTerminal(terminal, question, color);
}

/** A network operation starting or ending, as the engine reports it. */
export type FetchEvent = { type: "start"; id: number; what: string } | { type: "end"; id: number; ok: boolean };

export interface FetchProgress {
  onEvent(e: FetchEvent): void;
  /** Ends the live view; the finished operations stay on screen. */
  stop(): Promise<void>;
}

/**
 * Fetch progress on a terminal's stderr. ink loads only when the first network operation
 * starts, so a project of local packs never mounts it. `now` gives milliseconds.
 */
export function fetchProgress(terminal: LiveTerminal, color: boolean, now: () => number): FetchProgress {
  const finished: FetchOperation[] = [];
  const running = new Map<number, FetchOperation & { started: number }>();
  let live: Promise<LiveFetch> | undefined;
  const redraw = () => {
    live ??= views().then((v) => v.liveFetch(terminal, color));
    void live.then((l) => l.update([...finished], [...running.values()]));
  };
  return {
    onEvent(e) {
      if (e.type === "start") running.set(e.id, { id: e.id, what: e.what, started: now() });
      else {
        const op = running.get(e.id);
        if (!op) return;
        running.delete(e.id);
        finished.push({ id: op.id, what: op.what, outcome: { ok: e.ok, seconds: (now() - op.started) / 1000 } });
      }
      redraw();
    },
    async stop() {
      if (live) await (await live).stop();
    },
  };
}
