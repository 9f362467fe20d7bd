/**
 * Reading a description that may not match its schema. Rendering goes on after schema errors (the warnings name
 * them, and an official wants to print what they have), so whatever draws a file reads its values through
 * these: a value of the wrong shape reads as absent, never as an exception. YAML can hold a mapping with a
 * `toString` key, which breaks `String(value)` and template literals; these never call either on a mapping.
 */
import { textItems } from "./normalize.js";

export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

export function asArray<T>(value: unknown): T[] {
  return Array.isArray(value) ? (value as T[]) : [];
}

/** A single value as text: strings and numbers as they are, anything else as "". */
export function scalar(value: unknown): string {
  return typeof value === "string" || typeof value === "number" ? String(value) : "";
}

export function optionalScalar(value: unknown): string | undefined {
  return scalar(value) || undefined;
}

/** The entry a data value names, if the table has it as its own (not "constructor", not a mapping as key). */
export function ownEntry<V>(table: Readonly<Record<string, V>>, key: unknown): V | undefined {
  return typeof key === "string" && Object.hasOwn(table, key) ? table[key] : undefined;
}

/** The non-blank lines of a text field (a string or a list of strings); entries of another shape are left out. */
export function textList(value: unknown): string[] {
  if (typeof value === "string" || typeof value === "number") return textItems(String(value));
  if (Array.isArray(value))
    return value.flatMap((entry) => (typeof entry === "object" ? [] : textList(entry)));
  return [];
}
