/**
 * Packages that only some runs need (the `yaml` parser as a fallback, ajv when no precompiled validator fits),
 * loaded on first use so `vtvl lint` does not pay for them at start-up. Both ship CommonJS, so loading them
 * synchronously keeps their callers synchronous.
 */
import { createRequire } from "node:module";
import type * as AjvModule from "ajv";
import type * as YamlModule from "yaml";

const require = createRequire(import.meta.url);

export function lazyModule<T>(name: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= require(name) as T);
}

export const yamlPackage = lazyModule<typeof YamlModule>("yaml");
export const ajvPackage = lazyModule<typeof AjvModule>("ajv");
