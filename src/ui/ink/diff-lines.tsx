/** A unified diff, each line coloured by its sign, cut after `max` lines with a pointer to the rest. */
import { Box, Text } from "ink";
import { Tint } from "./tint.js";

export function DiffLines({ diff, max, indent }: { diff: string; max: number; indent: number }) {
  const lines = diff.replace(/\n$/, "").split("\n");
  const shown = lines.slice(0, max);
  return (
    <Box flexDirection="column" marginLeft={indent}>
      {shown.map((line, i) => (
        <Tint key={i} {...hueOf(line)}>
          {line === "" ? " " : line}
        </Tint>
      ))}
      {lines.length > max && <Text>{`… ${lines.length - max} more diff lines (packs plan --json has them all)`}</Text>}
    </Box>
  );
}

function hueOf(line: string): { hue?: "green" | "red" | "cyan"; dim?: boolean } {
  if (line.startsWith("+")) return { hue: "green" };
  if (line.startsWith("-")) return { hue: "red" };
  if (line.startsWith("@@")) return { hue: "cyan" };
  return { dim: true };
}
