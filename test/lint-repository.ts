/** A repository of descriptions that exercises every part of a lint run, shared by the tests of large runs. */
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ConfigResolver } from "../src/config/resolve.js";
import type { LintInput } from "../src/lint/parallel.js";
import { packageRoot } from "../src/paths.js";
import { tempDir } from "./helpers.js";

export function yamlFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true })
    .flatMap((entry) => {
      const path = join(directory, entry.name);
      if (entry.isDirectory()) return yamlFiles(path);
      return entry.name.endsWith(".yaml") ? [path] : [];
    })
    .sort();
}

/**
 * A repository with what the cross-file pass and the per-file pass must agree on: the published examples
 * (cross-file findings: a head below its deputy, a higher grade below a lower one), two files sharing a code,
 * directives that silence per-file and cross-file findings or silence nothing, a file that is not YAML, one
 * that is not UTF-8, and an agency config with an override.
 */
export function lintRepository(): string {
  const root = tempDir("vtvl-repository-");
  writeFileSync(join(root, ".vtvlrc.yaml"), "root: true\nrules:\n  certificate-scale: warning\n");
  cpSync(join(packageRoot, "examples"), join(root, "examples"), { recursive: true });
  const agency = join(root, "agency");
  mkdirSync(agency);
  writeFileSync(
    join(agency, ".vtvlrc.yaml"),
    'rules:\n  placeholder-left: info\noverrides:\n  - files: "b-*.yaml"\n    rules:\n      doubled-word: off\n',
  );
  const base = readFileSync(join(packageRoot, "test/fixtures/valid/tt-02-2023-minimal.yaml"), "utf8");
  const withCode = (code: string) => base.replace(/^code: .*$/m, `code: ${code}`);
  writeFileSync(
    join(agency, "a-one.yaml"),
    withCode("DV-01").replace(/^form:/m, "# vtvl-disable-file code-unique\nform:"),
  );
  writeFileSync(join(agency, "a-two.yaml"), withCode("DV-01"));
  writeFileSync(
    join(agency, "b-three.yaml"),
    `# vtvl-disable-next-line unicode-nfc -- nothing to silence here\n${withCode("DV-03").replace("Chuyên viên", "Chuyên viên theo theo")}`,
  );
  writeFileSync(join(agency, "c-broken.yaml"), "form: [unclosed\n");
  writeFileSync(join(agency, "d-latin1.yaml"), Buffer.from([0x66, 0x6f, 0x72, 0x6d, 0x3a, 0x20, 0xe9, 0x0a]));
  return root;
}

export function inputsOf(root: string): LintInput[] {
  return yamlFiles(root).map((file) => ({ file }));
}

export function resolverFor(root: string): ConfigResolver {
  return new ConfigResolver({ cwd: root });
}
