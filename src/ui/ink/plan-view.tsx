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
  return (
    <Box flexDirection="column">
      {planBlocks({ plan, maxDiffLines }).map((block, i) => (
        <Box key={i} marginTop={i === 0 ? 0 : 1}>
          {block}
        </Box>
      ))}
    </Box>
  );
}

/**
 * The plan's blocks, separated by a blank line: the header, the warnings, one per pack, the
 * context budget, the summary. PlanView lays them out together; a plan with thousands of items
 * is rendered to text block by block, so layout memory stays that of one pack.
 */
export function planBlocks({ plan, maxDiffLines }: PlanViewProps): ReactElement[] {
  const warnings: Diagnostic[] = plan.diagnostics.filter((d) => d.severity !== "error");
  return [
    <PlanHeader plan={plan} />,
    ...(warnings.length > 0 ? [<DiagnosticsView diagnostics={warnings} />] : []),
    ...planSections(plan).map((s) => <SectionView section={s} maxDiffLines={maxDiffLines} />),
    ...(Object.keys(plan.context ?? {}).length > 0 ? [<ContextBudget plan={plan} />] : []),
    <SummaryLine plan={plan} />,
  ];
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
