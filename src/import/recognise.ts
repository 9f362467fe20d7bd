/**
 * Which form family a description follows, from what it prints: its header, title, headings and table
 * columns (GUIDE §c.7). Each cue adds its weight to one form; the highest total wins, and the cues that
 * decided are reported so the user can check them (or pass --form).
 */
import type { FormId } from "../model/types.js";
import { cellText, type ImportBlock } from "./document.js";

interface Cue {
  form: FormId;
  weight: number;
  /** What the user sees in the report. */
  label: string;
  pattern: RegExp;
}

const CUES: Cue[] = [
  {
    form: "tt-02-2023-vpcp",
    weight: 3,
    label: "Quan hệ phối hợp trực tiếp trong đơn vị",
    pattern: /^Quan hệ phối hợp trực tiếp trong đơn vị$/iu,
  },
  {
    form: "tt-02-2023-vpcp",
    weight: 2,
    label: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    pattern: /^CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/u,
  },
  { form: "tt-02-2023-vpcp", weight: 1, label: "TÊN CƠ QUAN:", pattern: /^TÊN CƠ QUAN:$/u },
  {
    form: "qd-4135-btctw-a",
    weight: 4,
    label: "ĐẢNG CỘNG SẢN VIỆT NAM",
    pattern: /^ĐẢNG CỘNG SẢN VIỆT NAM/u,
  },
  { form: "hung-yen-pl1-1-2022", weight: 4, label: "PL1.1", pattern: /(^|\s)PL1\.1$/u },
  { form: "hung-yen-pl1-1-2022", weight: 3, label: "Mức độ 1 … Mức độ 5", pattern: /^Mức độ 5$/u },
  { form: "hung-yen-pl1-1-2022", weight: 1, label: "Người phê duyệt", pattern: /^Người phê duyệt$/u },
  {
    form: "ninh-binh-xa-2026",
    weight: 3,
    label: "Mục tiêu, Kết quả đầu ra",
    pattern: /^Mục tiêu, Kết quả đầu ra$/iu,
  },
  {
    form: "ninh-binh-xa-2026",
    weight: 3,
    label: "Điều kiện làm việc",
    pattern: /^\d+\s*[-.]\s*Điều kiện làm việc/iu,
  },
  {
    form: "ninh-binh-xa-2026",
    weight: 1,
    label: "Ngạch công chức tương ứng",
    pattern: /^Ngạch công chức tương ứng/iu,
  },
  {
    form: "qd-302-2025-ubnd",
    weight: 3,
    label: "Quản lý trực tiếp (số viên chức thuộc quyền quản lý)",
    pattern: /^Quản lý trực tiếp \(số viên chức/iu,
  },
  {
    form: "qd-302-2025-ubnd",
    weight: 2,
    label: "Các công việc, định mức và tiêu chí đánh giá",
    pattern: /định mức và tiêu chí đánh giá$/iu,
  },
  { form: "qd-302-2025-ubnd", weight: 2, label: "CHỨC DANH NGHỀ NGHIỆP", pattern: /CHỨC DANH NGHỀ NGHIỆP/u },
  { form: "nd-232-2026", weight: 3, label: "THÔNG TIN CHUNG", pattern: /^I\.\s*THÔNG TIN CHUNG$/iu },
  { form: "nd-232-2026", weight: 3, label: "Bậc nghề nghiệp", pattern: /Bậc nghề nghiệp/iu },
  { form: "nd-232-2026", weight: 2, label: "KHUNG NĂNG LỰC", pattern: /^VI\.\s*KHUNG NĂNG LỰC$/iu },
];

export interface Recognition {
  form: FormId | undefined;
  cues: string[];
  score: number;
}

function texts(blocks: ImportBlock[]): string[] {
  return blocks.flatMap((block) =>
    block.kind === "paragraph"
      ? [block.text]
      : block.rows.flatMap((row) => row.cells.flatMap((item) => [cellText(item), ...item.paragraphs])),
  );
}

export function recogniseForm(blocks: ImportBlock[], hasCompetencyTable: boolean): Recognition {
  const all = texts(blocks);
  const scores = new Map<FormId, { score: number; cues: string[] }>();
  for (const cue of CUES) {
    if (!all.some((text) => cue.pattern.test(text))) continue;
    const entry = scores.get(cue.form) ?? { score: 0, cues: [] };
    entry.score += cue.weight;
    entry.cues.push(cue.label);
    scores.set(cue.form, entry);
  }
  const best = [...scores].sort((left, right) => right[1].score - left[1].score)[0];
  if (!best) return { form: undefined, cues: [], score: 0 };
  let form = best[0];
  // QĐ 4135 has two templates: mẫu B (chuyên môn dùng chung, hỗ trợ, phục vụ) has no competency table.
  if (form === "qd-4135-btctw-a" && !hasCompetencyTable) form = "qd-4135-btctw-b";
  return { form, cues: best[1].cues, score: best[1].score };
}
