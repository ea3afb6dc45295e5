/**
 * The plan, as a reviewer reads it: what packs.yaml asks for, then per pack and per agent each
 * change with its reason and details, the always-on context budget, and the summary line. A
 * pure function of the plan value (the same value `--json` prints).
 */
import { Box, Text } from "ink";
import type { ReactElement } from "react";
import type { Diagnostic } from "../../core/diagnostics.js";
import type { Plan } from "../../core/plan-model.js";
import { planSections, type PlanSection } from "../plan-sections.js";
import { shortPin } from "../plan-symbol.js";
import { DiagnosticsView } from "./diagnostics-view.js";
import { PlanLineView } from "./plan-line.js";
import { Tint } from "./tint.js";

export interface PlanViewProps {
  plan: Plan;
  /** Diff lines shown per item before the rest is cut (the JSON plan has them all). */
  maxDiffLines: number;
}

export function PlanView({ plan, maxDiffLines }: PlanViewProps) {
  return <Blocks blocks={planBlocks({ plan, maxDiffLines }).map((b) => b.view)} />;
}

/** Blocks one under the other, a blank line between them. */
export function Blocks({ blocks }: { blocks: readonly ReactElement[] }) {
  return (
    <Box flexDirection="column">
      {blocks.map((block, i) => (
        <Box key={i} marginTop={i === 0 ? 0 : 1}>
          {block}
        </Box>
      ))}
    </Box>
  );
}

export interface PlanBlock {
  view: ReactElement;
  /** About how many lines it takes, so a large plan can be rendered to text in bounded pieces. */
  lines: number;
}

/**
 * The plan's blocks, separated by a blank line: the header, the warnings, one per pack, the
 * context budget, the summary. PlanView lays them out together; a plan with thousands of items
 * is rendered to text a few blocks at a time, so layout memory stays bounded.
 */
export function planBlocks({ plan, maxDiffLines }: PlanViewProps): PlanBlock[] {
  const warnings: Diagnostic[] = plan.diagnostics.filter((d) => d.severity !== "error");
  // Packs with nothing to do share a line, as a reviewer of a large repository wants: one per
  // set of identical notes, each note shown once (a note is never dropped).
  const sections = planSections(plan);
  const shown = sections.filter((s) => !isQuiet(s));
  const quiet = new Map<string, { names: string[]; notes: readonly string[] }>();
  for (const s of sections.filter(isQuiet)) {
    const key = JSON.stringify(s.pack!.notes);
    if (!quiet.has(key)) quiet.set(key, { names: [], notes: s.pack!.notes });
    quiet.get(key)!.names.push(s.pack!.name);
  }
  const sectionLines = (s: PlanSection) => 2 + s.groups.reduce((n, g) => n + 1 + g.lines.reduce((m, l) => m + 3 + Math.min(maxDiffLines, lineCount(l.item.diff)), 0), 0);
  return [
    { view: <PlanHeader plan={plan} />, lines: 2 + plan.notes.length },
    ...(warnings.length > 0 ? [{ view: <DiagnosticsView diagnostics={warnings} />, lines: 3 * warnings.length }] : []),
    ...shown.map((s) => ({ view: <SectionView section={s} maxDiffLines={maxDiffLines} />, lines: sectionLines(s) })),
    ...[...quiet.values()].map((q) => ({ view: <UnchangedPacks names={q.names} notes={q.notes} />, lines: 1 + q.notes.length })),
    ...(Object.keys(plan.context ?? {}).length > 0 ? [{ view: <ContextBudget plan={plan} />, lines: 1 }] : []),
    { view: <SummaryLine plan={plan} />, lines: 1 },
  ];
}

/** A pack of packs.yaml with no item to change, no pin to move and nothing floating. */
function isQuiet(s: PlanSection): boolean {
  const p = s.pack;
  return p !== undefined && s.groups.length === 0 && !p.floating && !(p.pin && p.pin.from !== p.pin.to);
}

const UNCHANGED_NAMES_SHOWN = 8;

/** Packs with no change, and the notes they all have (each once). */
function UnchangedPacks({ names, notes }: { names: readonly string[]; notes: readonly string[] }) {
  const more = names.length - UNCHANGED_NAMES_SHOWN;
  const listed = names.slice(0, UNCHANGED_NAMES_SHOWN).join(", ") + (more > 0 ? `, and ${more} more` : "");
  return (
    <Box flexDirection="column">
      <Text>{`Unchanged: ${names.length === 1 ? "pack" : `${names.length} packs`} ${listed}.`}</Text>
      {notes.map((note, i) => (
        <Box key={i} marginLeft={2}>
          <Tint dim>{note}</Tint>
        </Box>
      ))}
    </Box>
  );
}

function lineCount(text: string | undefined): number {
  let n = 0;
  for (let i = text?.indexOf("\n") ?? -1; i !== -1; i = text!.indexOf("\n", i + 1)) n++;
  return n;
}

function PlanHeader({ plan }: { plan: Plan }) {
  const n = plan.packs.length;
  const scope = plan.scope && [plan.scope.pack && `pack ${plan.scope.pack}`, plan.scope.agent && `what ${plan.scope.agent} reads`].filter(Boolean).join(" and ");
  return (
    <Box flexDirection="column">
      <Text>{`packs.yaml: ${n} pack${n === 1 ? "" : "s"}, agents ${plan.agents.join(" + ") || "none"} (${plan.agents_reason})`}</Text>
      {scope && (
        <Text>
          <Tint bold>{`Limited to ${scope}`}</Tint>; everything else stays as it is.
        </Text>
      )}
      {plan.notes.map((note, i) => (
        <Tint key={i} dim>
          {note}
        </Tint>
      ))}
    </Box>
  );
}

function SectionView({ section: s, maxDiffLines }: { section: PlanSection; maxDiffLines: number }) {
  const p = s.pack;
  const pinned = p && p.resolved !== p.source;
  return (
    <Box flexDirection="column">
      {p ? (
        <Text>
          <Tint bold>{`pack ${p.name}`}</Tint>
          {` ${p.version} (${p.source}${pinned ? ` @ ${shortPin(p.resolved)}` : ""})`}
        </Text>
      ) : (
        <Text>
          <Tint bold>{`pack ${s.removed!.join(", ")}`}</Tint> (removed from packs.yaml)
        </Text>
      )}
      <Box flexDirection="column" marginLeft={2}>
        {p?.pin && pinned && <Text>{p.pin.from === undefined ? `lock: pins ${shortPin(p.pin.to)} (new)` : `lock: ${shortPin(p.pin.from)} → ${shortPin(p.pin.to)}`}</Text>}
        {p?.floating && (
          <Text>
            <Tint hue="yellow">floating</Tint>
            {`: the source can move without packs.yaml changing; the lock pins it until \`packs update ${p.name}\``}
          </Text>
        )}
        {p?.notes.map((note, i) => (
          <Tint key={i} dim>
            {note}
          </Tint>
        ))}
        {s.groups.length === 0 && <Tint dim>no changes</Tint>}
      </Box>
      {s.groups.map((g) => (
        <Box key={g.label} flexDirection="column">
          <Text>{`  ${g.label}:`}</Text>
          {g.lines.map((line) => (
            <PlanLineView key={line.address} line={line} maxDiffLines={maxDiffLines} />
          ))}
        </Box>
      ))}
    </Box>
  );
}

/** The always-on context budget: what each agent will load into every session, in tokens. */
function ContextBudget({ plan }: { plan: Plan }) {
  const agents = Object.keys(plan.context ?? {}).sort() as (keyof NonNullable<Plan["context"]>)[];
  if (agents.length === 0) return null;
  const show = (a: (typeof agents)[number]) => {
    const c = plan.context![a]!;
    const net = c.added - c.removed;
    return `${a} ${net >= 0 ? "+" : "−"}${Math.abs(net)}${c.added && c.removed ? ` (+${c.added} −${c.removed})` : ""}`;
  };
  return (
    <Text>
      <Tint dim>Always-loaded context, about (tokens):</Tint> {agents.map(show).join(", ")}
    </Text>
  );
}

export function SummaryLine({ plan }: { plan: Plan }) {
  if (plan.empty) {
    return (
      <Text>
        <Tint bold>No changes.</Tint> The project matches packs.yaml and the lock.
      </Text>
    );
  }
  const s = plan.summary;
  const parts = [`${s.add} to add`, `${s.change} to change`, `${s.remove} to remove`];
  if (s.ownership > 0) parts.push(`${s.ownership} ownership change${s.ownership === 1 ? "" : "s"}`);
  const stateOnly = !plan.blocked && s.add + s.change + s.remove + s.ownership === 0 && plan.state.length > 0;
  return (
    <Text>
      <Tint bold>Plan:</Tint>
      {` ${parts.join(", ")}`}
      {s.blocked > 0 && (
        <>
          {", "}
          <Tint hue="magenta">{`${s.blocked} blocked`}</Tint>
        </>
      )}
      .{stateOnly && ` packs' own files (${plan.state.map((c) => c.path).join(", ")}) will be updated.`}
    </Text>
  );
}
