/** Diagnostics as the plan view shows its warnings: `warning[code] file:line:col: summary`, then the hint. */
import { Box, Text } from "ink";
import { formatLocation, type Diagnostic } from "../../core/diagnostics.js";
import { Tint } from "./tint.js";

export function DiagnosticsView({ diagnostics }: { diagnostics: readonly Diagnostic[] }) {
  return (
    <Box flexDirection="column">
      {diagnostics.map((d, i) => (
        <Box key={i} flexDirection="column">
          <Text>
            <Tint hue={d.severity === "error" ? "red" : d.severity === "warning" ? "yellow" : "cyan"}>{d.severity}</Tint>
            {`[${d.code}] ${d.location ? `${formatLocation(d.location)}: ` : ""}${d.summary}`}
          </Text>
          {d.detail && <Text>{`  ${d.detail}`}</Text>}
          {d.hint && (
            <Text>
              {"  "}
              <Tint dim>hint:</Tint> {d.hint}
            </Text>
          )}
        </Box>
      ))}
    </Box>
  );
}
