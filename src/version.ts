import { readFileSync } from "node:fs";
import { packageRoot } from "./paths.js";

let versionCache: string | undefined;

/** vtvl's version, from its package.json. */
export function vtvlVersion(): string {
  versionCache ??= (JSON.parse(readFileSync(`${packageRoot}package.json`, "utf8")) as { version: string })
    .version;
  return versionCache;
}
