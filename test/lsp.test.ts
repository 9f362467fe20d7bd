/**
 * Editors, for real: starts the yaml-language-server from npm (the server behind VS Code's YAML extension)
 * over stdio, opens files that `vtvl init` and `vtvl new` wrote, and checks what an officer would see with no
 * internet: a wrong competency level underlined on its line, and completion offering the form's fields with
 * their Vietnamese titles. The schemas resolve from the repository's .vtvl/schemas/ copies (init), from the
 * installed package (new outside a repository), and through .vscode/settings.json for a file without a
 * schema line.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from "vscode-jsonrpc/node.js";
import { tempDir, runCli } from "./helpers.js";

interface Diagnostic {
  range: { start: { line: number; character: number } };
  message: string;
  severity?: number;
}

interface CompletionItem {
  label: string;
  documentation?: string | { kind: string; value: string };
}

const require = createRequire(import.meta.url);
const serverBin = require.resolve("yaml-language-server/bin/yaml-language-server");

class YamlLanguageServer {
  private readonly diagnostics = new Map<string, Diagnostic[]>();
  private readonly waiters: Array<() => void> = [];
  private versions = new Map<string, number>();
  private settings: Record<string, unknown> = {};

  private constructor(
    private readonly process: ChildProcess,
    readonly connection: MessageConnection,
  ) {
    connection.onNotification(
      "textDocument/publishDiagnostics",
      (params: { uri: string; diagnostics: Diagnostic[] }) => {
        this.diagnostics.set(params.uri, params.diagnostics);
        for (const wake of this.waiters.splice(0)) wake();
      },
    );
    connection.onRequest("workspace/configuration", (params: { items: Array<{ section?: string }> }) =>
      params.items.map((item) =>
        item.section === "yaml" || item.section === undefined ? this.settings : null,
      ),
    );
    connection.onRequest("client/registerCapability", () => null);
    connection.onNotification("window/logMessage", () => undefined);
    connection.onNotification("telemetry/event", () => undefined);
    connection.listen();
  }

  static async start(root: string): Promise<YamlLanguageServer> {
    const child = spawn(process.execPath, [serverBin, "--stdio"], { stdio: ["pipe", "pipe", "ignore"] });
    const connection = createMessageConnection(
      new StreamMessageReader(child.stdout!),
      new StreamMessageWriter(child.stdin!),
    );
    const server = new YamlLanguageServer(child, connection);
    const rootUri = pathToFileURL(root).href;
    await connection.sendRequest("initialize", {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: "repo" }],
      capabilities: {
        workspace: { configuration: true, workspaceFolders: true },
        textDocument: { completion: { completionItem: { documentationFormat: ["markdown", "plaintext"] } } },
      },
    });
    await connection.sendNotification("initialized", {});
    return server;
  }

  /** Settings as VS Code sends them: the "yaml.*" keys of settings.json, nested under "yaml". */
  async configure(vscodeSettings: Record<string, unknown>): Promise<void> {
    const yaml: Record<string, unknown> = {
      validate: true,
      completion: true,
      hover: true,
      schemaStore: { enable: false },
    };
    for (const [key, value] of Object.entries(vscodeSettings))
      if (key.startsWith("yaml.")) yaml[key.slice("yaml.".length)] = value;
    this.settings = yaml;
    await this.connection.sendNotification("workspace/didChangeConfiguration", { settings: { yaml } });
  }

  async open(path: string, text: string): Promise<string> {
    const uri = pathToFileURL(path).href;
    this.diagnostics.delete(uri);
    this.versions.set(uri, 1);
    await this.connection.sendNotification("textDocument/didOpen", {
      textDocument: { uri, languageId: "yaml", version: 1, text },
    });
    return uri;
  }

  async change(uri: string, text: string): Promise<void> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    this.diagnostics.delete(uri);
    await this.connection.sendNotification("textDocument/didChange", {
      textDocument: { uri, version },
      contentChanges: [{ text }],
    });
  }

  /** The diagnostics last published for `uri`, once they satisfy `until` (by default: once any arrive). */
  async diagnosticsFor(
    uri: string,
    until: (diagnostics: Diagnostic[]) => boolean = () => true,
    timeoutMs = 20_000,
  ): Promise<Diagnostic[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const published = this.diagnostics.get(uri);
      if (published && until(published)) return published;
      if (Date.now() > deadline)
        throw new Error(`no matching diagnostics for ${uri}: ${JSON.stringify(published)}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 200);
      });
    }
  }

  async complete(uri: string, line: number, character: number): Promise<CompletionItem[]> {
    const result = (await this.connection.sendRequest("textDocument/completion", {
      textDocument: { uri },
      position: { line, character },
    })) as { items: CompletionItem[] } | CompletionItem[];
    return Array.isArray(result) ? result : result.items;
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([
        this.connection.sendRequest("shutdown"),
        new Promise((resolve) => setTimeout(resolve, 2000)),
      ]);
      await this.connection.sendNotification("exit");
    } finally {
      this.connection.dispose();
      this.process.kill();
    }
  }
}

function documentation(item: CompletionItem | undefined): string {
  const doc = item?.documentation;
  return typeof doc === "string" ? doc : (doc?.value ?? "");
}

function lineOf(text: string, needle: string): number {
  const index = text.indexOf(needle);
  expect(index, `"${needle}" in the scaffolded file`).toBeGreaterThanOrEqual(0);
  return text.slice(0, index).split("\n").length - 1;
}

describe("yaml-language-server on scaffolded files (offline)", () => {
  let root: string;
  let server: YamlLanguageServer;
  let samplePath: string;
  let sample: string;

  beforeAll(async () => {
    root = tempDir("vtvl-lsp-");
    const init = await runCli(
      "init",
      root,
      "--template",
      "vpcp-cvc-ve-thu-ky-bien-tap",
      "--agency",
      "Văn phòng Bộ",
    );
    expect(init.code, init.stderr).toBe(0);
    samplePath = join(root, "positions", "chuyen-vien-chinh-ve-thu-ky-bien-tap.yaml");
    sample = readFileSync(samplePath, "utf8");
    server = await YamlLanguageServer.start(root);
    await server.configure(
      JSON.parse(readFileSync(join(root, ".vscode", "settings.json"), "utf8")) as Record<string, unknown>,
    );
  }, 60_000);

  afterAll(async () => {
    await server?.stop();
  });

  it("resolves the schema line of a file vtvl init wrote to the repository's copy, with no internet", () => {
    const modeline = /^# yaml-language-server: \$schema=(\S+)$/m.exec(sample);
    expect(modeline?.[1]).toBe("../.vtvl/schemas/tt-02-2023-vpcp.schema.json");
  });

  it("finds nothing wrong in the scaffolded file as written", async () => {
    const uri = await server.open(samplePath, sample);
    expect(await server.diagnosticsFor(uri)).toEqual([]);
  });

  it("underlines a competency level outside 1–5 on its own line", async () => {
    const wrong = sample.replace(
      '{ name: Tư duy chiến lược, level: "2-3" }',
      "{ name: Tư duy chiến lược, level: 7 }",
    );
    expect(wrong).not.toBe(sample);
    const uri = await server.open(join(root, "positions", "sai-cap-do.yaml"), wrong);
    const diagnostics = await server.diagnosticsFor(uri, (published) => published.length > 0);
    const line = lineOf(wrong, "level: 7");
    expect(diagnostics.length).toBeGreaterThan(0);
    expect(diagnostics.map((diagnostic) => diagnostic.range.start.line)).toEqual(diagnostics.map(() => line));
    expect(diagnostics.some((diagnostic) => diagnostic.severity === 1)).toBe(true);
  });

  it("offers a task's fields with their Vietnamese titles", async () => {
    const line = lineOf(sample, "tasks:") + 1;
    const lines = sample.split("\n");
    lines.splice(line, 0, "  - ");
    const uri = await server.open(join(root, "positions", "nhiem-vu-moi.yaml"), lines.join("\n"));
    await server.diagnosticsFor(uri);
    const items = await server.complete(uri, line, 4);
    const byLabel = new Map(items.map((item) => [item.label, item]));
    expect(documentation(byLabel.get("area"))).toContain("Nhiệm vụ, mảng công việc");
    expect(documentation(byLabel.get("work"))).toContain("Công việc cụ thể");
    expect(documentation(byLabel.get("criteria"))).toContain("Tiêu chí đánh giá hoàn thành công việc");
  });

  it("offers the sections a description may still add, with their Vietnamese titles", async () => {
    const text = `${sample.trimEnd()}\n\n`;
    const uri = await server.open(join(root, "positions", "them-muc.yaml"), text);
    await server.diagnosticsFor(uri);
    const items = await server.complete(uri, text.split("\n").length - 1, 0);
    const byLabel = new Map(items.map((item) => [item.label, item]));
    expect(documentation(byLabel.get("workingConditions"))).toContain("Điều kiện làm việc");
    expect(documentation(byLabel.get("footnotes"))).toContain("Chú thích");
    expect(byLabel.has("name")).toBe(false); // already in the file
  });

  it("checks a file without a schema line through .vscode/settings.json", async () => {
    const withoutModeline = sample
      .split("\n")
      .filter((line) => !line.startsWith("# yaml-language-server:"))
      .join("\n")
      .replace("motto: quoc-hieu", "motto: quoc-ca");
    const path = join(root, "positions", "khong-co-dong-schema.yaml");
    const uri = await server.open(path, withoutModeline);
    const diagnostics = await server.diagnosticsFor(uri, (published) => published.length > 0);
    expect(diagnostics.map((diagnostic) => diagnostic.range.start.line)).toContain(
      lineOf(withoutModeline, "motto: quoc-ca"),
    );
  });

  it("resolves the installed package's schemas for a file made with vtvl new outside a repository", async () => {
    const elsewhere = tempDir("vtvl-lsp-new-");
    const path = join(elsewhere, "vi-tri.yaml");
    const made = await runCli("new", "--template", "xa-2026-truong-phong", "--yes", "-o", path);
    expect(made.code, made.stderr).toBe(0);
    const text = readFileSync(path, "utf8");
    const wrong = text.replace(/level: "2-3"/, "level: 0");
    writeFileSync(path, wrong);
    const uri = await server.open(path, wrong);
    const diagnostics = await server.diagnosticsFor(uri, (published) => published.length > 0);
    expect(diagnostics.map((diagnostic) => diagnostic.range.start.line)).toContain(lineOf(wrong, "level: 0"));
    await server.change(uri, text);
    expect(await server.diagnosticsFor(uri)).toEqual([]);
  });
});
