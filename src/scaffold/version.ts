import { readFileSync } from "node:fs";
import { packageRoot } from "../paths.js";

let cached: string | undefined;

/** The installed vtvl version: pinned into scaffolded files, CI workflows and schema copies. */
export function packageVersion(): string {
  cached ??= (JSON.parse(readFileSync(`${packageRoot}package.json`, "utf8")) as { version: string }).version;
  return cached;
}
