/**
 * One line of the plan and what a reviewer needs under it: why, the field-level changes of a
 * config entry, the diff of a file or section, and for a blocked item the three values and the
 * commands that resolve it.
 */
import { Box, Text } from "ink";
import { canonicalJson } from "../../core/json.js";
import { redactLiteralSecrets } from "../../core/literal-secrets.js";
import { entryChanges, type EntryChange } from "../entry-changes.js";
import type { PlanLine } from "../fold-skills.js";
import { planSymbol } from "../plan-symbol.js";
import { DiffLines } from "./diff-lines.js";
import { Tint } from "./tint.js";

const ADDRESS_WIDTH = 44;
const DETAIL_INDENT = 8;

export function PlanLineView({ line, maxDiffLines }: { line: PlanLine; maxDiffLines: number }) {
  const { item, address, description } = line;
  const { sign, hue } = planSymbol(item);
  const what = description + (item.lines && item.diff ? ` · +${item.lines.added} -${item.lines.removed} lines` : "");
  // A long address gets the description on a line of its own rather than a ragged wrap.
  const fits = address.length <= ADDRESS_WIDTH;
  return (
    <Box flexDirection="column">
      <Box>
        <Box flexShrink={0} {...(fits && { width: 4 + 2 + ADDRESS_WIDTH + 1 })}>
          <Text>
            {"    "}
            <Tint hue={hue} bold>
              {sign}
            </Tint>
            {` ${address}`}
          </Text>
        </Box>
        {fits && <Text>{what}</Text>}
      </Box>
      {!fits && (
        <Box marginLeft={DETAIL_INDENT}>
          <Text>{what}</Text>
        </Box>
      )}
      <Box marginLeft={DETAIL_INDENT}>
        <Tint dim>{item.reason}</Tint>
      </Box>
      {item.blocked && item.values && <ThreeValues values={item.values} />}
      {entryChanges(item).map((c, i) => (
        <EntryChangeLine key={i} change={c} />
      ))}
      {item.diff && <DiffLines diff={item.diff} max={maxDiffLines} indent={DETAIL_INDENT} />}
    </Box>
  );
}

function EntryChangeLine({ change: c }: { change: EntryChange }) {
  const field = c.field === "" ? "" : `${c.field}: `;
  const [sign, hue] = c.op === "add" ? ["+", "green" as const] : c.op === "remove" ? ["-", "red" as const] : ["~", "yellow" as const];
  const value = c.op === "add" ? show(c.after) : c.op === "remove" ? show(c.before) : c.before === undefined ? show(c.after) : `${show(c.before)} → ${show(c.after)}`;
  return (
    <Box marginLeft={DETAIL_INDENT}>
      <Text>
        <Tint hue={hue}>{sign}</Tint>
        {` ${field}${value}`}
      </Text>
    </Box>
  );
}

function ThreeValues({ values: v }: { values: NonNullable<PlanLine["item"]["values"]> }) {
  const rows: [string, unknown][] = [];
  if (v.recorded !== undefined) rows.push(["last applied:", v.recorded]);
  rows.push(["on disk:     ", v.live], ["pack wants:  ", v.desired]);
  return (
    <Box flexDirection="column" marginLeft={DETAIL_INDENT}>
      {rows.map(([label, value]) => (
        <Box key={label}>
          <Box flexShrink={0} width={label.length + 1}>
            <Tint dim>{label}</Tint>
          </Box>
          <Text>{show(redactLiteralSecrets(value))}</Text>
        </Box>
      ))}
    </Box>
  );
}

function show(value: unknown): string {
  return value === undefined ? "(absent)" : canonicalJson(value);
}
