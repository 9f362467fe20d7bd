/**
 * Which settings apply to a file: the .vtvlrc.yaml files from the file's folder up to the filesystem root
 * or the first `root: true` (nearer files win), or the one file given with --config. Within a file, the
 * `rules` first, then every `overrides` entry whose `files` match, in order (later entries win).
 */
import { existsSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import picomatch from "picomatch";
import type { FileSettings, RuleSetting } from "../lint/engine.js";
import type { RuleMeta } from "../rules/types.js";
import { CONFIG_FILE_NAMES, loadConfigFile, type ConfigFile, type RuleEntry } from "./load.js";

type Matcher = (path: string) => boolean;

interface Layer {
  config: ConfigFile;
  /** Folder the config's globs are relative to. */
  baseDir: string;
  ignored: Matcher | undefined;
  overrides: Array<{ matches: Matcher; rules: ReadonlyMap<string, RuleEntry> }>;
}

export interface ConfigResolverOptions {
  cwd?: string;
  /** `--config FILE`: use this file alone, its globs relative to the working directory. */
  configFile?: string;
  /** false: do not look for .vtvlrc.yaml files (`--no-config-lookup`). */
  lookup?: boolean;
}

function toPosix(path: string): string {
  return sep === "/" ? path : path.split(sep).join("/");
}

/** Patterns without a slash match a file name in any folder, as in .gitignore; `!pattern` excludes. */
function compileGlobs(patterns: readonly string[]): Matcher {
  const include = patterns.filter((pattern) => !pattern.startsWith("!"));
  const exclude = patterns.filter((pattern) => pattern.startsWith("!")).map((pattern) => pattern.slice(1));
  const options = { dot: true, basename: false };
  const compile = (list: string[]): Matcher[] =>
    list.map((pattern) => {
      const withoutSlash = !pattern.replace(/\/$/, "").includes("/");
      const directory = pattern.endsWith("/") ? `${pattern}**` : pattern;
      return picomatch(withoutSlash ? `**/${directory}` : directory.replace(/^\.\//, ""), options);
    });
  const includes = compile(include);
  const excludes = compile(exclude);
  return (path) => includes.some((match) => match(path)) && !excludes.some((match) => match(path));
}

export class ConfigResolver {
  private readonly cwd: string;
  private readonly explicit: Layer | undefined;
  private readonly lookup: boolean;
  private readonly layersByFile = new Map<string, Layer | null>();
  private readonly chainsByDirectory = new Map<string, readonly Layer[]>();

  constructor(options: ConfigResolverOptions = {}) {
    this.cwd = resolve(options.cwd ?? process.cwd());
    this.lookup = options.lookup ?? true;
    if (options.configFile) {
      const file = resolve(this.cwd, options.configFile);
      this.explicit = this.makeLayer(loadConfigFile(file), this.cwd);
    }
  }

  private makeLayer(config: ConfigFile, baseDir: string): Layer {
    return {
      config,
      baseDir,
      ignored: config.ignores.length ? compileGlobs(config.ignores) : undefined,
      overrides: config.overrides.map((override) => ({
        matches: compileGlobs(override.files),
        rules: override.rules,
      })),
    };
  }

  private layerIn(directory: string): Layer | null {
    for (const name of CONFIG_FILE_NAMES) {
      const file = join(directory, name);
      let layer = this.layersByFile.get(file);
      if (layer === undefined) {
        layer = existsSync(file) ? this.makeLayer(loadConfigFile(file), directory) : null;
        this.layersByFile.set(file, layer);
      }
      if (layer) return layer;
    }
    return null;
  }

  /** Config layers for files in `directory`, farthest first. */
  private chainFor(directory: string): readonly Layer[] {
    if (this.explicit) return [this.explicit];
    if (!this.lookup) return [];
    let chain = this.chainsByDirectory.get(directory);
    if (!chain) {
      const own = this.layerIn(directory);
      const parent = dirname(directory);
      if (own?.config.root) chain = [own];
      else {
        const above = parent === directory ? [] : this.chainFor(parent);
        chain = own ? [...above, own] : above;
      }
      this.chainsByDirectory.set(directory, chain);
    }
    return chain;
  }

  private absolute(file: string): string {
    return isAbsolute(file) ? file : resolve(this.cwd, file);
  }

  /** The configuration files that apply to `file`, farthest first (for messages and tests). */
  configFilesFor(file: string): string[] {
    return this.chainFor(dirname(this.absolute(file))).map((layer) => layer.config.file);
  }

  /** True when a config's `ignores` names the file (only for files found by folders and globs). */
  isIgnored(file: string): boolean {
    const absolute = this.absolute(file);
    return this.chainFor(dirname(absolute)).some((layer) => {
      if (!layer.ignored) return false;
      const path = toPosix(relative(layer.baseDir, absolute));
      return !path.startsWith("../") && layer.ignored(path);
    });
  }

  settingsFor(file: string): FileSettings {
    return settingsFromEntries(this.ruleEntriesFor(file));
  }

  /** The merged rule entries for `file`: plain data, so a worker thread can rebuild the same settings. */
  ruleEntriesFor(file: string): Map<string, RuleEntry> {
    const absolute = this.absolute(file);
    const merged = new Map<string, RuleEntry>();
    const apply = (rules: ReadonlyMap<string, RuleEntry>) => {
      for (const [id, entry] of rules) merged.set(id, { ...merged.get(id), ...entry });
    };
    for (const layer of this.chainFor(dirname(absolute))) {
      apply(layer.config.rules);
      const path = toPosix(relative(layer.baseDir, absolute));
      for (const override of layer.overrides) if (override.matches(path)) apply(override.rules);
    }
    return merged;
  }
}

export function settingsFromEntries(entries: ReadonlyMap<string, RuleEntry>): FileSettings {
  if (!entries.size) return emptySettings;
  return {
    severity: (ruleId: string, meta: RuleMeta): RuleSetting => entries.get(ruleId)?.severity ?? meta.severity,
    options: (ruleId: string) => entries.get(ruleId)?.options ?? {},
  };
}

const emptySettings: FileSettings = {
  severity: (_ruleId, meta) => meta.severity,
  options: () => ({}),
};
