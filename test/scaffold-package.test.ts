/**
 * What `vtvl new`, `init` and `schema` read at run time must ship in the npm package: the templates and
 * their index, the schemas the scaffolded files point at, the form registry. Asks npm itself which files
 * the package would hold.
 */
import { execFileSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { packageRoot } from "../src/paths.js";
import { listTemplates } from "../src/scaffold/catalog.js";

describe("npm package", () => {
  it("ships the templates, their index, the schemas and the form registry", () => {
    const output = execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], {
      cwd: packageRoot,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    });
    const [pack] = JSON.parse(output) as Array<{ files: Array<{ path: string }> }>;
    const files = new Set(pack!.files.map((file) => file.path));
    expect(files).toContain("templates/positions/index.json");
    for (const entry of listTemplates())
      expect(files, entry.file).toContain(`templates/positions/${entry.file}`);
    for (const name of readdirSync(`${packageRoot}schemas`)) expect(files).toContain(`schemas/${name}`);
    expect(files).toContain("data/forms.yaml");
    expect(files).toContain("docs/scaffolding.md");
    expect([...files].some((path) => path.startsWith("scripts/") || path.startsWith("examples/"))).toBe(
      false,
    );
  });
});
