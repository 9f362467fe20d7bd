/**
 * Transcribes the six descriptions of "PHỤ LỤC 3" (lãnh đạo, quản lý, xã Nam Đồng, dự thảo Quyết định của UBND
 * tỉnh Ninh Bình, 2026; seed 002_04aa76548196e8dd.txt) into examples/ninh-binh-xa-2026/.
 *
 *   npx tsx scripts/transcribe/nam-dong-2026.ts [--source <file>] [--check]
 *
 * The text is read with the row-per-line reader (src/import/row-lines.ts); what the export lost (list items
 * flattened into one line, rows whose merged cells shift the columns) is restored by the explicit overrides
 * below, each checked word for word against the source. `--check` compares instead of writing.
 */
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  flatText,
  groupTables,
  mergeContinuationRows,
  readRowLines,
  splitBulletItems,
  splitNumberedItems,
  stripBullet,
  type Part,
  type RowBlock,
  type Table,
} from "../../src/import/row-lines.js";
import type {
  AuthorityItem,
  CompetencyGroup,
  ExperienceFacts,
  Level,
  Position,
  Task,
} from "../../src/model/types.js";
import { layoutSpec, type SectionHeadingKey } from "../../src/render/layout-spec.js";
import { fileNameFor, rowFormYaml, runFolderTranscription } from "./common.js";
import { headingsByNumber } from "./tt-02-2023.js";

export const SOURCE_FILE = "002_04aa76548196e8dd.txt";
const FORM = "ninh-binh-xa-2026";
const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const defaultSourcePath = join(root, "test", "fixtures", "sources", SOURCE_FILE);
export const outputDirectory = join(root, "examples", FORM);

const INSTRUMENT = "Quyết định số /QĐ-UBND ngày / /2026 của UBND tỉnh Ninh Bình";

/**
 * The form's headings as its layout prints them (templates/layouts/ninh-binh-xa-2026/layout.yaml), keyed by their
 * number; a description that prints another goes to `headings`.
 */
const LAYOUT = layoutSpec(FORM);
const HEADINGS_BY_NUMBER = headingsByNumber(FORM);
type SectionKey = SectionHeadingKey;

type RowLayout = "pad-left" | "pad-right";

interface DescriptionOverrides {
  /**
   * Cells whose items the export flattened (line breaks turned into spaces, numbering of `<ol>` lost): the items
   * as printed, keyed by the field's path. Each is checked against the source word for word.
   */
  items?: Record<string, string[]>;
  /**
   * Task rows printed with the area spanning the work column, which the export pads with an empty cell on the
   * left (the text lands in the work column) or on the right (everything moves one column left).
   */
  rowLayouts?: Record<string, RowLayout>;
  experienceFacts: ExperienceFacts;
  /** How the transcription read what the export garbled, for `source.note`. */
  note?: string;
}

/** Heads: a prior deputy post, "hoặc" four consecutive years in the field. */
const headExperience = (inPosition: string): ExperienceFacts => ({
  anyOf: [
    { inPosition },
    { minYears: 4, comparator: "at-least", inField: "ngành, lĩnh vực", consecutive: true },
  ],
});
const HEAD_EXPERIENCE = headExperience(
  "Phó Trưởng phòng và tương đương thuộc cấp xã hoặc Phó Trưởng phòng và tương đương thuộc Chi cục thuộc Sở trở lên",
);
const DEPUTY_EXPERIENCE: ExperienceFacts = {
  minYears: 3,
  comparator: "at-least",
  inField: "ngành, lĩnh vực",
  consecutive: true,
};
const EQUIPMENT_PRIVATE = ["Bàn làm việc", "Máy vi tính", "Tủ tài liệu", "Điện thoại bàn", "Máy in"];
const EQUIPMENT_SHARED = ["Phòng họp", "Máy photocopy", "Máy fax"];
const ENVIRONMENT = [
  "Tuân thủ thời hạn hoàn thành công việc",
  "Làm việc trong/ngoài trụ sở cơ quan, tổ chức",
  "Tuân thủ quy định về an toàn, bảo mật thông tin",
];
const ENVIRONMENT_NGOAI = [ENVIRONMENT[0]!, "Làm việc trong/ngoại trụ sở cơ quan, tổ chức", ENVIRONMENT[2]!];
const withEllipsis = (items: string[], ellipsis: string) => [
  ...items.slice(0, -1),
  `${items.at(-1)}${ellipsis}`,
];

const SPLIT_NOTE =
  "Các ô mà bản trích xuất nối các dòng thành một (xuống dòng thành dấu cách, mất số thứ tự của danh sách) được tách lại theo từng ý in, không thêm bớt chữ nào";
const MERGED_ROWS_NOTE =
  "Nhiệm vụ 4–6 in ô “Nhiệm vụ, Mảng công việc” gộp ngang với ô “Công việc, nhiệm vụ cụ thể”: chép vào area, không có work";

const OVERRIDES: DescriptionOverrides[] = [
  {
    note: `Văn bản không in dòng tiêu đề trước bản mô tả này. Dòng phụ đề “Dùng riêng | Dùng chung” của mục 5 in hai lần (dòng 79 và trên dòng “Trang thiết bị”, dòng 80). ${SPLIT_NOTE} (3.2 dòng 54, mục 5, phẩm chất cá nhân dòng 95).`,
    experienceFacts: HEAD_EXPERIENCE,
    items: {
      "relations.external.0.organisations": [
        "Văn phòng UBND tỉnh",
        "Văn phòng Đoàn ĐBQH và HĐND tỉnh",
        "Các Sở, ban, ngành có liên quan",
      ],
      "workingConditions.equipment.private": EQUIPMENT_PRIVATE,
      "workingConditions.equipment.shared": EQUIPMENT_SHARED,
      "workingConditions.environment": ENVIRONMENT,
      "requirements.qualities": [
        "Trung thành, tin tưởng, nghiêm túc chấp hành chủ trương, chính sách của Đảng, pháp luật của Nhà nước, quy định, quy chế của cơ quan, tổ chức.",
        "Có tinh thần trách nhiệm cao với công việc với tập thể, phối hợp công tác tốt.",
        "Trung thực, kiên định, điềm tĩnh, cẩn thận.",
        "Khả năng sáng tạo, tư duy độc lập.",
        "Khả năng đoàn kết nội bộ.",
        "Phẩm chất khác theo quy định của cấp có thẩm quyền.",
      ],
    },
  },
  {
    note: `Nhiệm vụ 8 và 9 in ô tiêu chí chép lại nguyên văn ô mục tiêu, kết quả đầu ra (dòng 156–157). ${SPLIT_NOTE} (nhiệm vụ 1 dòng 140, ý 1–2 không còn số thứ tự; trình độ đào tạo dòng 206; mục 5).`,
    experienceFacts: HEAD_EXPERIENCE,
    items: {
      "tasks.0.work": [
        "Chủ trì xây dựng Chương trình, kế hoạch công tác của Phòng",
        "Phân công nhiệm vụ cho Phó Trưởng phòng, công chức và người lao động",
        "Chỉ đạo hướng dẫn xây dựng và phê duyệt nội dung chương trình, kế hoạch công tác năm, 6 tháng, quý, tháng của công chức, người lao động thuộc Phòng",
      ],
      "tasks.0.criteria": [
        "Chương trình, kế hoạch công tác của cơ quan phù hợp với chương trình kế hoạch công tác của Ủy ban nhân dân xã đảm bảo tính khả thi và được ban hành trước đầu năm, đầu quý, đầu tháng.",
        "Nhiệm vụ được phân công không chồng chéo hoặc bỏ sót nhiệm vụ; một nhiệm vụ chỉ do 1 cơ quan, tổ chức, người chịu trách nhiệm chính thực hiện.",
        "3. Phân công công việc cụ thể, hợp lý, hiệu quả, công bằng.",
        "4. Kế hoạch công tác của từng công chức được phê duyệt thực hiện và đủ cơ sở để xem xét đánh giá việc hoàn thành nhiệm vụ của công chức.",
      ],
      "workingConditions.equipment.private": EQUIPMENT_PRIVATE,
      "workingConditions.equipment.shared": EQUIPMENT_SHARED,
      "workingConditions.environment": ENVIRONMENT_NGOAI,
      "requirements.education": [
        "Tốt nghiệp đại học trở lên với ngành, chuyên ngành đào tạo:",
        "Trường phòng Kinh tế: Nhóm ngành hoặc ngành hoặc chuyên ngành: Luật kinh tế, Kinh tế học, Tài chính - Ngân hàng, Kế toán- Kiểm toán, Khoa học quản lý, Quản lý dự án, Quản lý công, Kinh doanh quốc tế, Kinh doanh thương mại, Thương mại điện tử, Quản trị kinh doanh, Xây dựng, Quản lý doanh nghiệp, Quản lý tài nguyên và môi trường, Kinh tế tài nguyên thiên nhiên, Kỹ thuật tài nguyên nước, Kỹ thuật cấp thoát nước, Quản lý đất đai, Địa chính, Kỹ thuật địa chính, Khoa học môi trường, Kỹ thuật trắc địa - bản đồ, Kỹ thuật môi trường, Công nghệ kỹ thuật môi trường, Kỹ thuật môi trường, Quản lý môi trường, Quản lý tài nguyên nước, Nông, lâm nghiệp và thủy sản, Thú y, Sinh học ứng dụng, Chăn nuôi, Công nghệ thực phẩm, Kỹ thuật thực phẩm, Công nghệ sau thu hoạch, Công nghệ chế biến, Kiến trúc và Xây dựng, Kinh tế, Kỹ thuật, Kỹ thuật xây dựng công trình giao thông, Kỹ thuật cơ sở hạ tầng, Quản lý xây dựng, Công nghệ kỹ thuật giao thông, Công nghệ kỹ thuật kiến trúc và công trình xây dựng, Khai thác vận tải, Kinh tế vận tải, Công nghệ thông tin, Kỹ thuật vận tải, Kỹ thuật ô tô, Kỹ thuật cơ điện tử, Kỹ thuật cơ khí động lực, Công nghệ kỹ thuật ô tô, Kỹ thuật công trình xây dựng, Xây dựng dân dụng, Xây dựng dân dụng và công nghiệp, Công nghệ kỹ thuật kiến trúc và công trình xây dựng, Công nghệ kỹ thuật môi trường, Khoa học xã hội và hành vi, Khoa học sự sống, Khoa học tự nhiên, Công nghệ kỹ thuật, Máy tính và Công nghệ thông tin...",
        "Trường phòng Văn hóa - Xã hội:",
        "Nhóm ngành hoặc ngành hoặc chuyên ngành: Pháp luật, Quản trị - Quản lý, Chính trị học, Xây dựng Đảng & Chính quyền Nhà nước, Quản lý Nhà nước, Hành chính học, Hành chính công, Chính sách công, Kinh tế lao động, Chính trị học, Triết học, Hán Nôm, Văn hoá học, Công tác thanh thiếu niên, Công tác xã hội, Lưu trữ học, Quản trị văn phòng, Bản đồ học, Kỹ thuật trắc địa - Bản đồ, Công nghệ thông tin, Khoa học giáo dục, Đào tạo giáo viên, Kế toán, Tài chính, Báo chí và Thông tin; Công nghệ kỹ thuật điện tử - viễn thông; Kỹ thuật điện tử - viễn thông; Báo chí và Truyền thông; Truyền thông đa phương tiện; Thông tin thư viện; Xuất bản - Phát hành; Văn hoá học; Lịch sử học; Quản lý văn hoá; Bảo tàng học; Việt Nam học; Văn hoá dân gian; Quản lý xã hội; Quản lý văn hoá - tư tưởng; Gia đình học; Kinh tế gia đình; Thể dục, thể thao, Công tác xã hội; Tâm lý học; Giáo dục đặc biệt; Xã hội học; Kinh tế phát triển; Giới và Phát triển; Quan hệ lao động; Bảo hộ lao động; Quản trị nhân lực; Bảo hiểm; Kinh tế lao động; Bảo hiểm lao động; Y học; Kỹ thuật Y học; Răng - Hàm - Mặt; Điều dưỡng - hộ sinh; Tổ chức và Quản lý y tế; Dinh dưỡng; Chế biến lương thực, thực phẩm và đồ uống; Y tế công cộng; Dược học; Quản lý Y tế, Luật, Luật Kinh tế, Sư phạm...",
        "Hoặc ngành, chuyên ngành đào tạo khác phù hợp với vị trí việc làm.",
      ],
    },
  },
  {
    note: `${MERGED_ROWS_NOTE} (bản trích xuất thêm một ô trống bên trái, dòng 263–265). ${SPLIT_NOTE} (3.1 và 3.2 dòng 272, 278; mục 5).`,
    experienceFacts: DEPUTY_EXPERIENCE,
    rowLayouts: { "4": "pad-left", "5": "pad-left", "6": "pad-left" },
    items: {
      "relations.internal.managedBy": [
        "UBND xã",
        "Chủ tịch, PCT UBND xã",
        "Chánh Văn phòng Hội đồng nhân dân và Ủy ban nhân dân",
      ],
      "relations.external.1.organisations": ["Các cơ quan, đơn vị liên quan", "Các thôn trên địa bàn xã"],
      "workingConditions.equipment.private": withEllipsis(EQUIPMENT_PRIVATE, " ..."),
      "workingConditions.equipment.shared": withEllipsis(EQUIPMENT_SHARED, " ..."),
      "workingConditions.environment": ENVIRONMENT,
    },
  },
  {
    note: `${MERGED_ROWS_NOTE} (bản trích xuất dồn các ô sang trái và thêm một ô trống cuối dòng, dòng 368–372). ${SPLIT_NOTE} (nhiệm vụ 1 dòng 361, ý 1–3 không còn số thứ tự; 3.1 dòng 380; mục 5).`,
    experienceFacts: DEPUTY_EXPERIENCE,
    rowLayouts: { "4": "pad-right", "5": "pad-right", "6": "pad-right" },
    items: {
      "tasks.0.work": [
        "Giúp Trưởng phòng quản lý, điều hành một số mảng công việc của Phòng",
        "Tham gia xử lý các công việc đột xuất (trong phạm vi được giao) và báo cáo xin ý kiến chỉ đạo đối với những việc vượt quá phạm vi chức trách được giao.",
        "Tham gia kiểm tra, đánh giá tình hình thực hiện công việc của cơ quan, tổ chức theo phạm vi được phân công; đánh giá việc hoàn thành nhiệm vụ đối với tổ chức, cá nhân thuộc phạm vi được giao phụ trách.",
        "4. Điều hành cơ quan, tổ chức khi được ủy quyền.",
      ],
      "tasks.0.criteria": [
        "Nắm bắt được tình hình hoạt động chung của Phòng; nắm bắt đầy đủ các thông tin về công việc thuộc mảng công việc được giao phụ trách. Văn bản thuộc mảng công việc được xây dựng, trình cấp có thẩm quyền hoặc hướng dẫn các cơ quan liên quan thực hiện.",
        "Công việc được xử lý kịp thời, chính xác và đạt hiệu quả.",
        "3. Các công việc, nhiệm vụ quản lý được giao, hoàn thành đúng quy định, đúng tiến độ.",
        "4. Hoàn thành chức trách, nhiệm vụ trong thời gian được ủy quyền.",
      ],
      "relations.internal.managedBy": ["UBND xã", "Chủ tịch, Phó Chủ tịch UBND xã", "Trưởng phòng"],
      "workingConditions.equipment.private": withEllipsis(EQUIPMENT_PRIVATE, " ..."),
      "workingConditions.equipment.shared": withEllipsis(EQUIPMENT_SHARED, " ..."),
      "workingConditions.environment": ENVIRONMENT,
    },
  },
  {
    note: `Nhiệm vụ 8 và 9: ô “Công việc, nhiệm vụ cụ thể” để trống (dòng 482) hoặc gộp với ô nhiệm vụ (dòng 485). ${SPLIT_NOTE} (mục 5).`,
    experienceFacts: headExperience(
      "Phó Trưởng phòng và tương đương thuộc cấp xã hoặc Phó Trưởng phòng và tương đương thuộc chi cục thuộc sở trở lên",
    ),
    items: {
      "workingConditions.equipment.private": EQUIPMENT_PRIVATE,
      "workingConditions.equipment.shared": EQUIPMENT_SHARED,
      "workingConditions.environment": ENVIRONMENT_NGOAI,
    },
  },
  {
    note: `${MERGED_ROWS_NOTE} (bản trích xuất chỉ có 4 ô, dòng 587–589). ${SPLIT_NOTE} (nhiệm vụ 1 dòng 581, ý 1–3 không còn số thứ tự; 3.1 dòng 596; mục 5).`,
    experienceFacts: DEPUTY_EXPERIENCE,
    items: {
      "tasks.0.work": [
        "Giúp Giám đốc quản lý, điều hành một số mảng công việc của Trung tâm",
        "Tham gia xử lý các công việc đột xuất (trong phạm vi được giao) và báo cáo xin ý kiến chỉ đạo đối với những việc vượt quá phạm vi chức trách được giao.",
        "Tham gia kiểm tra, đánh giá tình hình thực hiện công việc của cơ quan, tổ chức theo phạm vi được phân công; đánh giá việc hoàn thành nhiệm vụ đối với tổ chức, cá nhân thuộc phạm vi được giao phụ trách.",
        "4. Điều hành cơ quan, tổ chức khi được ủy quyền.",
      ],
      "tasks.0.criteria": [
        "Nắm bắt được tình hình hoạt động chung của Trung tâm; nắm bắt đầy đủ các thông tin về công việc thuộc mảng công việc được giao phụ trách. Văn bản thuộc mảng công việc được xây dựng, trình cấp có thẩm quyền hoặc hướng dẫn các cơ quan liên quan thực hiện.",
        "Công việc được xử lý kịp thời, chính xác và đạt hiệu quả.",
        "3. Các công việc, nhiệm vụ quản lý được giao, hoàn thành đúng quy định, đúng tiến độ.",
        "4. Hoàn thành chức trách, nhiệm vụ trong thời gian được ủy quyền.",
      ],
      "relations.internal.managedBy": ["UBND xã", "Chủ tịch, Phó Chủ tịch UBND xã", "Giám đốc"],
      "workingConditions.equipment.private": withEllipsis(EQUIPMENT_PRIVATE, "...."),
      "workingConditions.equipment.shared": withEllipsis(EQUIPMENT_SHARED, " ..."),
      "workingConditions.environment": ENVIRONMENT,
    },
  },
];

const GRADE_CODES: Record<string, string> = {
  "chuyên viên cao cấp": "01.001",
  "chuyên viên chính": "01.002",
  "chuyên viên": "01.003",
  "cán sự": "01.004",
};

type RequirementKey = "education" | "training" | "experience" | "qualities" | "other";

const REQUIREMENT_KEYS: Record<string, RequirementKey> = {
  "Trình độ đào tạo": "education",
  "Bồi dưỡng, chứng chỉ": "training",
  "Kinh nghiệm (thành tích công tác)": "experience",
  "Phẩm chất cá nhân": "qualities",
  "Các yêu cầu khác": "other",
};

const GROUPS: Record<string, CompetencyGroup["group"]> = {
  "Năng lực chung": "chung",
  "Năng lực chuyên môn": "chuyen-mon",
  "Năng lực quản lý": "quan-ly",
};

interface Description {
  index: number;
  title: string | undefined;
  parts: Part[];
  firstLine: number;
  lastLine: number;
}

export interface TranscribedFile {
  fileName: string;
  text: string;
}

function fail(message: string): never {
  throw new Error(`${SOURCE_FILE}: ${message}`);
}

function partLastLine(part: Part): number {
  return part.kind === "table" ? part.endLine : part.line;
}

function isIdentificationTable(part: Part | undefined): part is { kind: "table" } & Table {
  return part?.kind === "table" && part.rows[0]!.cells[0]!.text.startsWith("Tên VTVL:");
}

function splitDescriptions(parts: Part[]): { preamble: Part[]; descriptions: Description[] } {
  const starts = parts.flatMap((part, index) => (isIdentificationTable(part) ? [index] : []));
  const titleBefore = (start: number): string | undefined => {
    const before = parts[start - 1];
    return before?.kind === "paragraph" && before.text.startsWith("BẢN MÔ TẢ") ? before.text : undefined;
  };
  const descriptions = starts.map((start, index) => {
    const next = starts[index + 1];
    const end = next === undefined ? parts.length : next - (titleBefore(next) ? 1 : 0);
    const own = parts.slice(start, end);
    const title = titleBefore(start);
    return {
      index: index + 1,
      title,
      parts: own,
      firstLine: title ? parts[start - 1]!.line : parts[start]!.line,
      lastLine: partLastLine(own[own.length - 1]!),
    };
  });
  return { preamble: parts.slice(0, starts[0]! - (titleBefore(starts[0]!) ? 1 : 0)), descriptions };
}

/** Splits a section heading into its number and key ("3.1- Bên trong" → relationsInternal). */
function sectionOf(text: string): SectionKey | undefined {
  const match = /^(\d(?:\.\d)?)-\s/u.exec(text);
  return match ? HEADINGS_BY_NUMBER[match[1]!]?.key : undefined;
}

interface Sections {
  headings: Partial<Record<SectionKey, string>>;
  paragraphs: Partial<Record<SectionKey, string[]>>;
  tables: Partial<Record<SectionKey, Table[]>>;
}

function readSections(parts: Part[]): Sections {
  const sections: Sections = { headings: {}, paragraphs: {}, tables: {} };
  let current: SectionKey | undefined;
  for (const part of parts.slice(1)) {
    const key = part.kind === "paragraph" ? sectionOf(part.text) : undefined;
    if (part.kind === "paragraph" && key) {
      current = key;
      sections.headings[key] = part.text;
    } else if (!current) fail(`line ${part.line}: content before the first heading`);
    else if (part.kind === "paragraph") (sections.paragraphs[current] ??= []).push(part.text);
    else (sections.tables[current] ??= []).push(part);
  }
  return sections;
}

function onlyTable(sections: Sections, key: SectionKey): Table {
  const tables = sections.tables[key] ?? [];
  if (tables.length !== 1) fail(`section ${key}: expected one table, found ${tables.length}`);
  return tables[0]!;
}

/** The words of a cell, bullet glyphs aside: what an override must keep. */
function comparable(items: readonly string[]): string {
  return flatText(items.map((item) => item.replace(/(^|\s)[-+•](?=\s|\p{Lu})/gu, "$1")));
}

class ItemSource {
  private readonly used = new Set<string>();

  constructor(
    private readonly overrides: Record<string, string[]>,
    private readonly where: string,
  ) {}

  /**
   * A cell's items: bulleted and numbered lists that the export flattened are split, bullets removed. With
   * `splitBullets` false, bullets are only stripped (for lists of majors such as "Tài chính - Ngân hàng").
   */
  items(path: string, paragraphs: readonly string[], splitBullets = true): string[] {
    const generic = paragraphs
      .flatMap((paragraph) => (splitBullets ? splitBulletItems(paragraph) : [stripBullet(paragraph)]))
      .flatMap((item) => splitNumberedItems(item))
      .filter((item) => item !== "");
    const override = this.overrides[path];
    if (!override) return generic;
    this.used.add(path);
    if (comparable(override) !== comparable(generic))
      fail(`${this.where} ${path}: the override does not match the source text\n  ${flatText(generic)}`);
    return override;
  }

  assertAllUsed(): void {
    const unused = Object.keys(this.overrides).filter((path) => !this.used.has(path));
    if (unused.length > 0) fail(`${this.where}: overrides never used: ${unused.join(", ")}`);
  }
}

function textValue(items: readonly string[]): string | string[] | undefined {
  if (items.length === 0) return undefined;
  return items.length === 1 ? items[0]! : [...items];
}

function parseLevel(text: string): Level {
  if (text === "") return null;
  if (/^[1-5]$/u.test(text)) return Number(text);
  if (/^[1-5]-[1-5]$/u.test(text)) return text;
  return { text };
}

function readIdentification(table: Table): Record<string, string> {
  const labels = [
    "Tên VTVL",
    "Mã vị trí việc làm",
    "Ngày bắt đầu thực hiện",
    "Ngạch công chức tương ứng",
    "Địa điểm làm việc",
    "Quy trình công việc liên quan",
  ];
  const fields: Record<string, string> = {};
  for (const row of table.rows) {
    const cells = row.cells.map((cell) => cell.text);
    cells.forEach((cell, index) => {
      const label = labels.find((candidate) => cell.startsWith(`${candidate}:`));
      if (!label) return;
      const inline = cell.slice(label.length + 1).trim();
      fields[label] = inline || cells.slice(index + 1).find((text) => text !== "") || "";
    });
  }
  for (const label of labels) if (!(label in fields)) fail(`line ${table.line}: no "${label}"`);
  return fields;
}

function readGrade(text: string): Position["grade"] {
  const names = text.split(/\s+hoặc\s+/u);
  const grades = names.map((name) => {
    const code = GRADE_CODES[name.toLowerCase()];
    return code ? { name, code } : { name };
  });
  return grades.length === 1 ? grades[0]! : grades;
}

function readTasks(table: Table, overrides: DescriptionOverrides, source: ItemSource): Task[] {
  const [header, subHeader, ...body] = table.rows;
  if (!header?.cells[0]?.text.startsWith("TT") || subHeader?.cells[0]?.text !== "")
    fail(`line ${table.line}: not the two-row task header`);
  const toColumns = (row: RowBlock): string[][] => {
    const cells = row.cells.map((cell) => cell.paragraphs);
    const layout = overrides.rowLayouts?.[row.cells[0]!.text];
    if (cells.length === 4) return [cells[0]!, cells[1]!, [], cells[2]!, cells[3]!];
    if (cells.length !== 5) fail(`line ${row.line}: a task row of ${cells.length} cells`);
    if (layout === "pad-left") return [cells[0]!, cells[2]!, [], cells[3]!, cells[4]!];
    if (layout === "pad-right") return [cells[0]!, cells[1]!, [], cells[2]!, cells[3]!];
    return cells;
  };
  return mergeContinuationRows(body, toColumns).map((row, index) => {
    const [code, area, work, outcomes, criteria] = row.columns.map((column, column_) =>
      column_ === 0
        ? column
        : source.items(`tasks.${index}.${["code", "area", "work", "outcomes", "criteria"][column_]}`, column),
    );
    const task: Task = { code: code!.join(" ") };
    const areaText = textValue(area ?? []);
    if (areaText !== undefined) task.area = areaText;
    const workItems = work ?? [];
    if (workItems.length === 1 && /^\(.*\)$/u.test(workItems[0]!)) task.note = workItems[0]!;
    else {
      const workText = textValue(workItems);
      if (workText !== undefined) task.work = workText;
    }
    const outcomesText = textValue(outcomes ?? []);
    if (outcomesText !== undefined) task.outcomes = outcomesText;
    const criteriaText = textValue(criteria ?? []);
    if (criteriaText !== undefined) task.criteria = criteriaText;
    return task;
  });
}

function readRelations(sections: Sections, source: ItemSource): NonNullable<Position["relations"]> {
  const internal = onlyTable(sections, "relationsInternal");
  const [, row, ...extra] = internal.rows;
  if (!row || extra.length > 0) fail(`line ${internal.line}: expected one row under the 3.1 header`);
  const [managedBy, manages, mainPartners] = ["managedBy", "manages", "mainPartners"].map((key, index) =>
    textValue(source.items(`relations.internal.${key}`, row.cells[index]?.paragraphs ?? [])),
  );
  const external = onlyTable(sections, "relationsExternal");
  const rows = mergeContinuationRows(external.rows.slice(1));
  return {
    internal: {
      ...(managedBy !== undefined && { managedBy }),
      ...(manages !== undefined && { manages }),
      ...(mainPartners !== undefined && { mainPartners }),
    },
    external: rows.map((entry, index) => {
      const organisations = textValue(
        source.items(`relations.external.${index}.organisations`, entry.columns[0] ?? []),
      );
      const nature = textValue(source.items(`relations.external.${index}.nature`, entry.columns[1] ?? []));
      return {
        ...(organisations !== undefined && { organisations }),
        ...(nature !== undefined && { nature }),
      };
    }),
  };
}

function readAuthority(table: Table): AuthorityItem[] {
  const groups: AuthorityItem[] = [];
  for (const row of mergeContinuationRows(table.rows.slice(1))) {
    const code = row.columns[0]!.join(" ");
    const text = row.columns[1]!.join(" ");
    if (/^\d+$/u.test(code)) groups.push({ code, heading: text, items: [] });
    else {
      const group = groups[groups.length - 1];
      if (!group?.items || !code.startsWith(`${group.code}.`))
        fail(`line ${row.line}: authority ${code} outside its group`);
      group.items.push({ code, text });
    }
  }
  return groups;
}

function readWorkingConditions(table: Table, source: ItemSource): NonNullable<Position["workingConditions"]> {
  const rows = table.rows
    .slice(1)
    .filter((row) => !(row.cells[0]!.text === "" && row.cells[1]?.text === "Dùng riêng"));
  const conditions: NonNullable<Position["workingConditions"]> = {};
  rows.forEach((row, index) => {
    const label = row.cells[0]!.text;
    if (label === "Trang thiết bị") {
      const valuesRow = row.cells[1]?.text === "Dùng riêng" ? rows[index + 1] : row;
      if (!valuesRow || (valuesRow !== row && valuesRow.cells[0]!.text !== ""))
        fail(`line ${row.line}: no equipment values`);
      const privateItems = textValue(
        source.items("workingConditions.equipment.private", valuesRow.cells[1]!.paragraphs),
      );
      const sharedItems = textValue(
        source.items("workingConditions.equipment.shared", valuesRow.cells[2]!.paragraphs),
      );
      conditions.equipment = {
        ...(privateItems !== undefined && { private: privateItems }),
        ...(sharedItems !== undefined && { shared: sharedItems }),
      };
    } else if (label === "Tính chất công việc, môi trường làm việc") {
      conditions.environment = textValue(
        source.items("workingConditions.environment", row.cells[1]!.paragraphs),
      );
    } else if (label === "Mức độ tự chủ") {
      conditions.autonomy = textValue(source.items("workingConditions.autonomy", row.cells[1]!.paragraphs));
    } else if (label === "Sự hỗ trợ, phối hợp khác") {
      conditions.support = textValue(source.items("workingConditions.support", row.cells[1]!.paragraphs));
    } else if (label !== "") fail(`line ${row.line}: unknown working-condition row "${label}"`);
  });
  return conditions;
}

function readRequirements(
  sections: Sections,
  overrides: DescriptionOverrides,
  source: ItemSource,
): NonNullable<Position["requirements"]> {
  const table = onlyTable(sections, "requirements");
  const requirements: NonNullable<Position["requirements"]> = {};
  const preamble = sections.paragraphs.requirements ?? [];
  if (preamble.length > 0) requirements.preamble = preamble.join(" ");
  for (const row of mergeContinuationRows(table.rows.slice(1))) {
    const label = row.columns[0]!.join(" ");
    const key = REQUIREMENT_KEYS[label] ?? fail(`line ${row.line}: unknown requirement row "${label}"`);
    const text = textValue(source.items(`requirements.${key}`, row.columns[1] ?? [], key !== "education"));
    if (text === undefined) continue;
    if (key === "experience") requirements.experience = { text, facts: overrides.experienceFacts };
    else requirements[key] = text;
  }
  return requirements;
}

function readCompetencies(sections: Sections): NonNullable<Position["competencies"]> {
  const table = onlyTable(sections, "competencies");
  const groups: CompetencyGroup[] = [];
  for (const row of table.rows.slice(1)) {
    const [label, name, level] = row.cells.map((cell) => cell.text);
    if (label) {
      const group = GROUPS[label] ?? fail(`line ${row.line}: unknown competency group "${label}"`);
      groups.push({ group, label, items: [] });
    }
    const current = groups[groups.length - 1] ?? fail(`line ${row.line}: competency before any group`);
    current.items.push({ name: stripBullet(name ?? ""), level: parseLevel(level ?? "") });
  }
  const preamble = sections.paragraphs.competencies ?? [];
  return { ...(preamble.length > 0 && { preamble: preamble.join(" ") }), groups };
}

function transcribeDescription(description: Description, appendix: Position["appendix"]): Position {
  const overrides =
    OVERRIDES[description.index - 1] ?? fail(`no overrides for description ${description.index}`);
  const source = new ItemSource(overrides.items ?? {}, `description ${description.index}`);
  const identification = readIdentification(description.parts[0] as Table);
  const sections = readSections(description.parts);
  const headings: NonNullable<Position["headings"]> = {};
  for (const [key, text] of Object.entries(sections.headings) as Array<[SectionKey, string]>)
    if (text !== LAYOUT.headings[key]) headings[key] = text;

  const position: Position = {
    form: FORM,
    regime: "cc-nd361",
    legalBasis: [INSTRUMENT],
    appendix,
    decision: { kind: "Quyết định", number: "/QĐ-UBND", date: "/ /2026", issuer: "UBND tỉnh Ninh Bình" },
    ...(description.title !== undefined && { title: description.title }),
    name: identification["Tên VTVL"]!,
    code: identification["Mã vị trí việc làm"]!,
    startDate: identification["Ngày bắt đầu thực hiện"]!,
    workplace: identification["Địa điểm làm việc"]!,
    relatedProcedures: identification["Quy trình công việc liên quan"]!,
    grade: readGrade(identification["Ngạch công chức tương ứng"]!),
    category: "lanh-dao-quan-ly",
    adminLevels: ["xa"],
    ...(Object.keys(headings).length > 0 && { headings }),
    objective: (sections.paragraphs.objective ?? fail("no objective")).join(" "),
    tasks: readTasks(onlyTable(sections, "tasks"), overrides, source),
    relations: readRelations(sections, source),
    authority: readAuthority(onlyTable(sections, "authority")),
    workingConditions: readWorkingConditions(onlyTable(sections, "workingConditions"), source),
    requirements: readRequirements(sections, overrides, source),
    competencies: readCompetencies(sections),
    source: {
      instrument: INSTRUMENT,
      appendix: "Phụ lục 3",
      item: `bản mô tả thứ ${description.index}`,
      file: SOURCE_FILE,
      lines: [description.firstLine, description.lastLine],
      ...(overrides.note !== undefined && { note: overrides.note }),
    },
  };
  source.assertAllUsed();
  return position;
}

function readAppendix(preamble: Part[]): NonNullable<Position["appendix"]> {
  const texts = preamble.flatMap((part) => (part.kind === "paragraph" ? [part.text] : []));
  const [label, title, issuedWith] = texts;
  if (label !== "PHỤ LỤC 3" || !title || !issuedWith?.startsWith("(Kèm theo"))
    fail("the appendix header is not the expected three lines");
  return { label, title, issuedWith };
}

export function transcribe(sourceText: string): TranscribedFile[] {
  const parts = groupTables(readRowLines(sourceText));
  const { preamble, descriptions } = splitDescriptions(parts);
  if (descriptions.length !== 6) fail(`expected 6 descriptions, found ${descriptions.length}`);
  const appendix = readAppendix(preamble);
  return descriptions.map((description) => {
    const position = transcribeDescription(description, appendix);
    const expectations =
      position.title === undefined
        ? ["# expect: schema /title (văn bản không in dòng tiêu đề trước bản mô tả thứ nhất)"]
        : [];
    return {
      fileName: fileNameFor(description.index, position.name),
      text: rowFormYaml(position, FORM, expectations),
    };
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1])
  runFolderTranscription("examples/ninh-binh-xa-2026/", defaultSourcePath, transcribe);
