/** Generators for properties over descriptions with a value of the wrong shape somewhere in them. */
import fc from "fast-check";

export type ValuePath = ReadonlyArray<string | number>;

/** Every place in a value below its root, as the keys that lead to it. */
export function valuePaths(value: unknown, prefix: ValuePath = []): ValuePath[] {
  const below = Array.isArray(value)
    ? value.flatMap((entry, index) => [[...prefix, index], ...valuePaths(entry, [...prefix, index])])
    : value !== null && typeof value === "object"
      ? Object.entries(value).flatMap(([key, entry]) => [
          [...prefix, key],
          ...valuePaths(entry, [...prefix, key]),
        ])
      : [];
  return below;
}

/** A copy of the value with the place at the path holding something else. */
export function withValueAt(value: unknown, path: ValuePath, replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  if (Array.isArray(value))
    return value.map((entry, index) => (index === head ? withValueAt(entry, rest, replacement) : entry));
  const record = value as Record<string, unknown>;
  return { ...record, [head!]: withValueAt(record[head!], rest, replacement) };
}

// Keys JavaScript gives a meaning to break code that turns values into text; the others are keys of the model.
const trickyObject = fc.dictionary(
  fc.constantFrom(
    "toString",
    "valueOf",
    "constructor",
    "length",
    "text",
    "ref",
    "min",
    "max",
    "name",
    "code",
  ),
  fc.anything(),
);

/** Anything a YAML mapping, sequence or scalar can hold once parsed, leaning towards what breaks code. */
export const whatYamlCanHold = fc.oneof(
  fc.anything({ withObjectString: true }),
  trickyObject,
  fc.array(fc.oneof(trickyObject, fc.anything())),
);
