/**
 * Progress of a batch: a bar redrawn in place on a terminal, one plain line per file in CI or when the
 * output is not a terminal, nothing with --quiet. Messages (warnings, errors) go through `log` so they never
 * tangle with the bar.
 */
export type ProgressMode = "bar" | "lines" | "none";

export interface Progress {
  start(total: number): void;
  /** A file is done (ok or not): advance; "lines" prints `line`, the bar shows `label` (default `line`). */
  tick(line: string, label?: string): void;
  log(text: string): void;
  finish(): void;
}

export function progressMode(options: {
  quiet?: boolean;
  isTTY?: boolean;
  env?: NodeJS.ProcessEnv;
}): ProgressMode {
  if (options.quiet) return "none";
  const env = options.env ?? process.env;
  const ci = env.CI !== undefined && env.CI !== "" && env.CI !== "false" && env.CI !== "0";
  return options.isTTY && !ci && env.TERM !== "dumb" ? "bar" : "lines";
}

export function createProgress(mode: ProgressMode, write: (text: string) => void, width = 28): Progress {
  let total = 0;
  let done = 0;
  let drawn = false;
  const clear = () => {
    if (drawn) write("\r\x1b[2K");
    drawn = false;
  };
  const draw = (label: string) => {
    const filled = total ? Math.round((done / total) * width) : width;
    const bar = `${"█".repeat(filled)}${"░".repeat(width - filled)}`;
    const shown = label.length > 50 ? `…${label.slice(-49)}` : label;
    write(`\r\x1b[2K${bar} ${done}/${total} ${shown}`);
    drawn = true;
  };
  return {
    start(count) {
      total = count;
      if (mode === "bar") draw("");
    },
    tick(line, label) {
      done++;
      if (mode === "bar") draw(label ?? line);
      else if (mode === "lines") write(`${line}\n`);
    },
    log(text) {
      if (mode === "bar") {
        clear();
        write(`${text}\n`);
        draw("");
      } else {
        write(`${text}\n`);
      }
    },
    finish() {
      if (mode === "bar") {
        clear();
      }
    },
  };
}
