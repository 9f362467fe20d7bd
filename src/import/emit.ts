/**
 * YAML as the transcriptions in examples/ write it: a schema modeline, codes and level ranges quoted, one
 * competency per line; then what the import could not place, as comments that keep the source text and
 * its location so nothing is lost silently.
 */
import { Document, isMap, isScalar, isSeq, Scalar, visit } from "yaml";
import { localize, type Lang } from "../i18n/index.js";
import type { Position } from "../model/types.js";
import type { Unplaced } from "./tables.js";

const QUOTED_KEYS = new Set(["code", "level", "stt", "mark"]);
const FLOW_KEYS = new Set(["grade", "lines", "adminLevels", "levels"]);

export function toYaml(value: unknown, head: string[] = []): string {
  const document = new Document(value);
  visit(document, {
    Pair(_, pair) {
      const key = isScalar(pair.key) ? String(pair.key.value) : "";
      if (QUOTED_KEYS.has(key) && isScalar(pair.value) && typeof pair.value.value === "string")
        pair.value.type = Scalar.QUOTE_DOUBLE;
      if (FLOW_KEYS.has(key) && (isMap(pair.value) || isSeq(pair.value))) pair.value.flow = true;
    },
    Map(_, map) {
      if (map.items.length === 2 && map.has("name") && map.has("level")) map.flow = true;
    },
  });
  const comments = head.map((line) => (line === "" ? "#" : `# ${line}`));
  return [...comments, document.toString({ lineWidth: 0 })].join("\n");
}

const TEXT = {
  imported: {
    vi: "Nhập từ {source} bằng vtvl import; mẫu {form}{cues}.",
    en: "Imported from {source} by vtvl import; form {form}{cues}.",
  },
  cues: { vi: " (nhận ra qua: {cues})", en: " (recognised by: {cues})" },
  missing: {
    vi: "Văn bản nguồn không in: {parts} (vtvl lint sẽ báo; bổ sung nếu cần).",
    en: "Not printed in the source: {parts} (vtvl lint reports it; fill it in if needed).",
  },
  unplacedHead: {
    vi: "vtvl import: {count} đoạn chưa xếp được vào trường nào; hãy chép vào đúng chỗ rồi xoá khối này.",
    en: "vtvl import: {count} passage(s) could not be placed; copy them where they belong, then delete this block.",
  },
};

export function positionYaml(
  position: Position,
  options: {
    schema: string;
    source: string;
    cues: string[];
    missing: string[];
    unplaced: Array<Unplaced & { where: string }>;
    lang: Lang;
  },
): string {
  const cues = options.cues.length
    ? localize(TEXT.cues, options.lang, { cues: options.cues.join("; ") })
    : "";
  const head = [
    `yaml-language-server: $schema=${options.schema}`,
    localize(TEXT.imported, options.lang, { source: options.source, form: position.form, cues }),
    ...(options.missing.length
      ? [localize(TEXT.missing, options.lang, { parts: options.missing.join(", ") })]
      : []),
  ];
  const body = toYaml(position, head);
  if (options.unplaced.length === 0) return body;
  const lines = ["", `# ${localize(TEXT.unplacedHead, options.lang, { count: options.unplaced.length })}`];
  for (const item of options.unplaced) {
    lines.push(`#   ${item.where} (${localize(item.reason, options.lang)}):`);
    for (const textLine of item.text.split("\n")) lines.push(`#     ${textLine}`);
  }
  return `${body}${lines.join("\n")}\n`;
}
