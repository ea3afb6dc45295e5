/**
 * The ink views, mounted. Loaded only through ../views.ts (a dynamic import), so nothing pays
 * for ink and React until a view is shown. Each function wraps a pure component in the colour
 * setting it is given.
 */
import { render, renderToString, type Instance } from "ink";
import type { ReactElement } from "react";
import type { Plan, PlanSummary } from "../../core/plan-model.js";
import { ApplyProgress, type ApplyStep } from "./apply-progress.js";
import { ApprovalPrompt } from "./approval-prompt.js";
import { FetchProgress, type FetchOperation } from "./fetch-progress.js";
import { Blocks, planBlocks, type PlanBlock } from "./plan-view.js";
import { ColorContext } from "./tint.js";

export interface RenderTarget {
  color: boolean;
  columns: number;
}

/** Streams of a live terminal. */
export interface LiveTerminal {
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
}

const MAX_DIFF_LINES = 40;

const tinted = (color: boolean, view: ReactElement) => <ColorContext.Provider value={color}>{view}</ColorContext.Provider>;
const once = (target: RenderTarget, view: ReactElement) => renderToString(tinted(target.color, view), { columns: target.columns }) + "\n";

/**
 * Lines laid out per call when rendering the plan to text. One layout of a whole large plan
 * takes gigabytes; one call per small block costs a few milliseconds each (200 packs: 0.6 s).
 */
const PLAN_LINES_PER_RENDER = 400;

/** The plan view as text, a few blocks at a time (plan-view.tsx planBlocks), so memory stays bounded. */
export function planToString(plan: Plan, target: RenderTarget): string {
  const batches: PlanBlock[][] = [[]];
  let lines = 0;
  for (const block of planBlocks({ plan, maxDiffLines: MAX_DIFF_LINES })) {
    if (lines > 0 && lines + block.lines > PLAN_LINES_PER_RENDER) {
      batches.push([]);
      lines = 0;
    }
    batches.at(-1)!.push(block);
    lines += block.lines;
  }
  return batches.map((batch) => once(target, <Blocks blocks={batch.map((b) => b.view)} />)).join("\n");
}

/** Steps laid out per call when rendering to text: a large apply is thousands of them. */
const STEPS_PER_RENDER = 500;

export function applyResultToString(done: readonly ApplyStep[], summary: PlanSummary, target: RenderTarget): string {
  let out = "";
  for (let i = 0; i < done.length; i += STEPS_PER_RENDER) out += once(target, <ApplyProgress done={done.slice(i, i + STEPS_PER_RENDER)} total={done.length} running={false} />);
  return out + once(target, <ApplyProgress done={[]} total={done.length} running={false} summary={summary} />);
}

function mount(out: NodeJS.WriteStream, view: ReactElement, stdin?: NodeJS.ReadStream): Instance {
  return render(view, { stdout: out, ...(stdin && { stdin }), patchConsole: false, exitOnCtrlC: false });
}

export interface LiveApply {
  step(step: ApplyStep): void;
  /** Show the summary (or, on failure, only the steps done) and leave the screen as it is. */
  finish(summary?: PlanSummary): Promise<void>;
}

export function liveApply(terminal: LiveTerminal, color: boolean, total: number): LiveApply {
  const done: ApplyStep[] = [];
  // `done` only grows; ApplyProgress hands <Static> a new array each render (Static memoises on
  // the array, and prints only the items past those it printed already).
  const view = (running: boolean, summary?: PlanSummary) => tinted(color, <ApplyProgress done={done} total={total} running={running} {...(summary && { summary })} />);
  const instance = mount(terminal.stdout, view(true));
  return {
    step(step) {
      done.push(step);
      instance.rerender(view(true));
    },
    async finish(summary) {
      instance.rerender(view(false, summary));
      instance.unmount();
      await instance.waitUntilExit();
    },
  };
}

export interface LiveFetch {
  update(finished: readonly FetchOperation[], running: readonly FetchOperation[]): void;
  stop(): Promise<void>;
}

export function liveFetch(terminal: LiveTerminal, color: boolean): LiveFetch {
  const view = (finished: readonly FetchOperation[], running: readonly FetchOperation[]) => tinted(color, <FetchProgress finished={finished} running={running} />);
  const instance = mount(terminal.stderr, view([], []));
  return {
    update: (finished, running) => instance.rerender(view(finished, running)),
    async stop() {
      instance.unmount();
      await instance.waitUntilExit();
    },
  };
}

export function askOnTerminal(terminal: LiveTerminal, question: string, color: boolean): Promise<string> {
  return new Promise((resolve) => {
    const instance = mount(
      terminal.stdout,
      tinted(color, <ApprovalPrompt question={question} onAnswer={(answer) => setImmediate(() => {
        instance.unmount();
        void instance.waitUntilExit().then(() => resolve(answer));
      })} />),
      terminal.stdin,
    );
  });
}
