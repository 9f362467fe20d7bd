import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The package root: the nearest folder above this module with a package.json, so that the same code finds
 * it from src/ (tests, tsx), dist/ and the bundle in dist/bundle/.
 */
function findPackageRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, "package.json"))) return `${dir}/`;
    if (dirname(dir) === dir) return `${dirname(from)}/`;
  }
}

export const packageRoot = findPackageRoot(dirname(fileURLToPath(import.meta.url)));

export const schemasDir = `${packageRoot}schemas/`;
export const dataDir = `${packageRoot}data/`;
export const templatesDir = `${packageRoot}templates/`;
