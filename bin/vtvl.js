#!/usr/bin/env node
// The bundle of dist/cli (scripts/bundle.mjs): fewer modules to load at start-up.
import { main } from "../dist/bundle/vtvl.js";

// `vtvl lint … | head` closes the pipe early: that is the reader's choice, not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
}

main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(
      `vtvl: lỗi nội bộ (internal error): ${error instanceof Error ? error.message : String(error)}\n` +
        "Hãy báo lỗi này kèm tệp đầu vào (please report this with the input file).\n",
    );
    process.exitCode = 70;
  },
);
