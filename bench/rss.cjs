// Preloaded into measured node processes (NODE_OPTIONS=--require): appends the process's peak
// resident memory (KB) to $PACKS_BENCH_RSS at exit, so the runner needs no /usr/bin/time.
const file = process.env.PACKS_BENCH_RSS;
if (file) {
  process.on("exit", () => {
    require("node:fs").appendFileSync(file, `${process.resourceUsage().maxRSS}\n`);
  });
}
