import { describe, expect, it } from "vitest";
import { runCli } from "./helpers.js";

describe("--lang, shared by the commands", () => {
  for (const args of [["schema"], ["new"], ["init"], ["import", "x.docx"], ["lint", "x.yaml"]]) {
    it(`vtvl ${args[0]} rejects an unknown language before doing anything (exit 2, in both languages)`, async () => {
      const run = await runCli(...args, "--lang", "fr");
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('--lang phải là vi hoặc en, không phải "fr"');
      expect(run.stderr).toContain("--lang must be vi or en");
    });
  }
});
