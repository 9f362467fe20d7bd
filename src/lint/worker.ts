/** A worker thread of a large lint run (parallel.ts): lints the chunks of files it is sent, one at a time. */
import { parentPort, workerData } from "node:worker_threads";
import { ChunkLinter, type ChunkMessage, type ChunkReply, type WorkerInit } from "./parallel.js";
import { takeTimings, timingEnabled } from "./timing.js";

const linter = new ChunkLinter(workerData as WorkerInit, false);

parentPort?.on("message", (message: ChunkMessage) => {
  linter.addSettings(message.newSettings);
  const reply: ChunkReply = { chunk: message.chunk, outcomes: linter.lint(message.tasks) };
  if (timingEnabled) reply.timings = takeTimings();
  parentPort?.postMessage(reply);
});
