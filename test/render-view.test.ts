/** The pure parts of rendering: view model, layout fit, output tree, reproducibility patch. No browser. */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { commonBase } from "../src/cli/commands/render.js";
import { importDocument } from "../src/import/index.js";
import { readSource } from "../src/import/source.js";
import type { FormId, Position } from "../src/model/types.js";
import { packageRoot } from "../src/paths.js";
import { browserCandidates, findBrowser, BrowserNotFound } from "../src/render/browser.js";
import { buildCatalogView } from "../src/render/catalog.js";
import { makeDeterministic } from "../src/render/deterministic.js";
import { fontFaceCss, uncoveredCharacters } from "../src/render/fonts.js";
import { renderBody, renderHtmlDocument } from "../src/render/html.js";
import { layoutIds, layoutSpec, LAYOUTS_DIR, missingForLayout } from "../src/render/layouts.js";
import { loadForRender } from "../src/render/load.js";
import { formRules } from "../src/rules/data.js";
import { headingWords } from "../src/rules/structure/heading-text.js";
import { buildPositionView, formatDate } from "../src/render/view.js";
import { tempDir } from "./helpers.js";
import { valuePaths, whatYamlCanHold, withValueAt } from "./wrong-shapes.js";

function fixture(form: FormId): Position {
  const file = join(packageRoot, "test/fixtures/render", `${form}.yaml`);
  const loaded = loadForRender(file, readFileSync(file));
  if (!loaded.ok) throw new Error(file);
  return loaded.position;
}

describe("view model", () => {
  it("lets a written level cover the empty level cells below it (QĐ 4135 leaders, TT 02/2023 ngoại ngữ)", () => {
    const view = buildPositionView(fixture("qd-4135-btctw-a"), layoutSpec("qd-4135-btctw-a"));
    const professional = view.competencies.groups.find((group) => group.id === "chuyen-mon")!;
    expect(professional.rows.map((row) => row.levelRowspan)).toEqual([5, 0, 0, 0, 0]);
    expect(professional.rows[0]!.level).toBe("Theo yêu cầu năng lực của VTVL chuyên môn đảm nhiệm");
    expect(professional.rows[0]!.groupRowspan).toBe(5);
    const vpcp = buildPositionView(fixture("tt-02-2023-vpcp"), layoutSpec("tt-02-2023-vpcp"));
    const general = vpcp.competencies.groups[0]!;
    expect(general.rows.map((row) => row.levelRowspan)).toEqual([1, 1, 1, 1, 1, 2, 0]);
  });

  it("spans the area over the work column when a task has no concrete work (TT 02/2023 2.8, 2.9)", () => {
    const view = buildPositionView(fixture("tt-02-2023-vpcp"), layoutSpec("tt-02-2023-vpcp"));
    expect(view.tasks.map((task) => task.areaSpansWork)).toEqual([
      false,
      false,
      false,
      false,
      false,
      true,
      true,
    ]);
  });

  it("adds the layout's bullets, but not before items that carry their own numbers", () => {
    const view = buildPositionView(fixture("tt-02-2023-vpcp"), layoutSpec("tt-02-2023-vpcp"));
    expect(view.tasks[0]!.work.every((item) => item.bullet === undefined)).toBe(true);
    const qualities = view.requirements.rows.find((row) => row.label === "Phẩm chất cá nhân")!;
    expect(qualities.items.every((item) => item.bullet === "•")).toBe(true);
    const experience = view.requirements.rows.find((row) => row.label.startsWith("Kinh nghiệm"))!;
    expect(experience.items[0]!.bullet).toBe("•");
  });

  it("marks one X per competency for the Hưng Yên matrix and letters the groups a), b)", () => {
    const view = buildPositionView(fixture("hung-yen-pl1-1-2022"), layoutSpec("hung-yen-pl1-1-2022"));
    expect(view.competencies.groups.map((group) => `${group.enumerator}) ${group.label}`)).toEqual([
      "a) Năng lực chung",
      "b) Năng lực chuyên môn",
    ]);
    expect(view.competencies.groups[0]!.rows[0]!.marks).toEqual([false, false, false, true, false]);
  });

  it("prints a Hưng Yên group label that carries its own letter once: “a) Năng lực chung”, not “a) a) …”", () => {
    const file = join(packageRoot, "examples/hung-yen-pl1-1-2022/01-truong-ban-to-chuc-dang.yaml");
    const loaded = loadForRender(file, readFileSync(file));
    if (!loaded.ok) throw new Error(file);
    expect(loaded.position.competencies?.groups.map((group) => group.label)).toEqual([
      "a) Năng lực chung",
      "b) Năng lực chuyên môn",
    ]);
    const html = renderHtmlDocument(loaded.position, "hung-yen-pl1-1-2022");
    expect(html).toContain("<h4>a) Năng lực chung</h4>");
    expect(html).toContain("<h4>b) Năng lực chuyên môn</h4>");
    expect(html).not.toMatch(/[a-z]\) [a-z]\)/u);
    // Without a label of its own, the layout's label gets its letter.
    const unlabelled = fixture("hung-yen-pl1-1-2022");
    const groups = unlabelled.competencies!.groups.map(({ label: _label, ...group }) => group);
    const plain = renderHtmlDocument(
      { ...unlabelled, competencies: { ...unlabelled.competencies!, groups } },
      "hung-yen-pl1-1-2022",
    );
    expect(plain).toContain("<h4>a) Năng lực chung</h4>");
    expect(plain).toContain("<h4>b) Năng lực chuyên môn</h4>");
  });

  it("groups NĐ 232/2026 tasks by section and merges the Bậc cells of equal rows", () => {
    const view = buildPositionView(fixture("nd-232-2026"), layoutSpec("nd-232-2026"));
    expect(view.tasksByCategory.chuyenMon.map((task) => [task.careerLevel, task.careerLevelRowspan])).toEqual(
      [
        ["Bậc 3", 2],
        ["Bậc 3", 0],
        ["Bậc 4", 2],
        ["Bậc 4", 0],
        ["Bậc 5", 2],
        ["Bậc 5", 0],
      ],
    );
    expect(view.tasksByCategory.quanLy).toHaveLength(1);
    expect(
      view.identification.categoryChoices.filter((choice) => choice.checked).map((c) => c.label),
    ).toEqual(["Quản lý"]);
  });

  it("keeps a heading as printed when the file gives one, numbering included", () => {
    const position = {
      ...fixture("qd-4135-btctw-a"),
      headings: { relations: "3. Các mối quan hệ công việc" },
    };
    const html = renderHtmlDocument(position, "qd-4135-btctw-a");
    expect(html).toContain("<h2>3. Các mối quan hệ công việc</h2>");
    expect(html).toContain("<h2>4- Phạm vi quyền hạn</h2>");
  });

  it("prints the form's title and approval when the file leaves them out, and none when approval is null", () => {
    const { title: _title, approval: _approval, ...rest } = fixture("tt-02-2023-vpcp");
    const view = buildPositionView(rest as Position, layoutSpec("tt-02-2023-vpcp"));
    expect(view.title).toBe("BẢN MÔ TẢ CÔNG VIỆC VÀ KHUNG NĂNG LỰC VỊ TRÍ VIỆC LÀM");
    expect(view.approval?.caption).toBe("Phê duyệt của lãnh đạo");
    expect(
      buildPositionView({ ...rest, approval: null } as Position, layoutSpec("tt-02-2023-vpcp")).approval,
    ).toBe(undefined);
  });

  it("escapes every value of the data in the HTML", () => {
    const html = renderHtmlDocument(fixture("tt-02-2023-vpcp"), "tt-02-2023-vpcp");
    expect(html).toContain("&lt;img src&#x3D;&quot;http://127.0.0.1:9/leak.png&quot;&gt;");
    expect(html).not.toContain('<img src="http://127.0.0.1:9/leak.png">');
    expect(html).toContain("Sở KH&amp;CN");
    expect(html).toContain("Content-Security-Policy");
  });

  it("formats ISO dates as the forms do", () => {
    expect(formatDate("2026-01-05")).toBe("05/01/2026");
    expect(formatDate("Kể từ ngày Quyết định phê duyệt có hiệu lực")).toBe(
      "Kể từ ngày Quyết định phê duyệt có hiệu lực",
    );
  });
});

describe("each form's printed wording (layout.yaml)", () => {
  /** The text of a layout's page and of every partial it includes, its own before the shared ones. */
  function templateText(layout: FormId): string {
    const files = new Map<string, string>();
    for (const folder of [join(LAYOUTS_DIR, "partials"), join(LAYOUTS_DIR, layout)])
      for (const name of readdirSync(folder).filter((entry) => entry.endsWith(".hbs")))
        files.set(name.slice(0, -4), join(folder, name));
    const seen = new Set<string>();
    const queue = ["position"];
    const texts: string[] = [];
    while (queue.length > 0) {
      const name = queue.pop()!;
      if (seen.has(name)) continue;
      seen.add(name);
      const text = readFileSync(files.get(name)!, "utf8");
      texts.push(text);
      for (const match of text.matchAll(/\{\{>\s*([\w-]+)/gu)) queue.push(match[1]!);
    }
    return texts.join("\n");
  }

  for (const layout of layoutIds()) {
    it(`${layout}: the templates print every heading and column heading of layout.yaml, and only those`, () => {
      const text = templateText(layout);
      const spec = layoutSpec(layout);
      const headings = new Set([...text.matchAll(/\{\{heading "(\w+)"\}\}/gu)].map((match) => match[1]!));
      const columns = new Set(
        [...text.matchAll(/\{\{column "(\w+)" "(\w+)"\}\}/gu)].map((match) => `${match[1]}.${match[2]}`),
      );
      expect([...headings].sort()).toEqual(Object.keys(spec.headings).sort());
      expect([...columns].sort()).toEqual(
        Object.entries(spec.columns)
          .flatMap(([table, entries]) => Object.keys(entries).map((key) => `${table}.${key}`))
          .sort(),
      );
      // No heading or column heading is written in a template itself.
      expect(text).not.toMatch(/<h[234]>[^{<]/u);
      expect(text).not.toMatch(/<th(?:\s[^>]*)?>[^{<]/u);
    });
  }

  it("is the wording the rules expect: approval caption and motto (data/rules/forms.yaml)", () => {
    for (const layout of layoutIds()) {
      const rules = formRules(layout);
      const spec = layoutSpec(layout);
      expect(rules?.approval, layout).toBe(spec.approval?.caption);
      expect(rules?.header?.motto ?? "none", layout).toBe(spec.header.motto);
      // The rules keep only other printings of a heading, never a copy of the layout's.
      for (const [key, variants] of Object.entries(rules?.headings ?? {}))
        for (const variant of variants ?? [])
          expect(headingWords(spec.headings[key] ?? "").toLowerCase(), `${layout} ${key}`).not.toBe(
            variant.toLowerCase(),
          );
    }
  });

  it("prints the layout's heading, or the file's printing of it with the layout's number", () => {
    const position = {
      ...fixture("qd-302-2025-ubnd"),
      headings: { tasks: "Các công việc và tiêu chí đánh giá" },
    };
    const html = renderHtmlDocument(position, "qd-302-2025-ubnd");
    expect(html).toContain(`<h2>${layoutSpec("qd-302-2025-ubnd").headings.objective}</h2>`);
    expect(html).toContain("<h2>2. Các công việc và tiêu chí đánh giá</h2>");
    expect(html).toContain(`<th>${layoutSpec("qd-302-2025-ubnd").columns.relationsInternal!.middle}</th>`);
  });
});

describe("fields the page used to drop: printed where the form prints them, and read back from the page alone", () => {
  const example = (path: string): Position => {
    const file = join(packageRoot, "examples", path);
    const loaded = loadForRender(file, readFileSync(file));
    if (!loaded.ok) throw new Error(file);
    return loaded.position;
  };
  /** The page imported as HTML: no stored residue, only what is printed. */
  const pageOf = (position: Position): Position =>
    importDocument(
      readSource(
        "page.html",
        new TextEncoder().encode(renderHtmlDocument(position, position.form as FormId)),
      ),
    ).descriptions[0]!.position;

  it("relations.external[].notes: TT 02/2023's “(Lưu ý: …)” in the 3.2 cell, under the organisations", () => {
    const position = example("tt-02-2023-vpcp/01-chuyen-vien-cao-cap-tham-muu-tong-hop-ve-chuyen-nganh.yaml");
    const note = position.relations!.external![0]!.notes as string;
    expect(note).toMatch(/^\(Lưu ý: Việc xác định các cơ quan/u);
    const html = renderHtmlDocument(position, "tt-02-2023-vpcp");
    const cell =
      /<td>(<p class="item[^"]*">(?:(?!<\/td>).)*?)<\/td>\s*<td>(?:(?!<\/td>).)*?Tham gia các cuộc họp/su.exec(
        html,
      )?.[1];
    expect(cell).toBeDefined();
    expect(cell!.indexOf("Các cơ quan, tổ chức, đơn vị có hoạt động")).toBeLessThan(cell!.indexOf(note));
    expect(pageOf(position).relations?.external).toEqual(position.relations?.external);
    // The list layout of NĐ 232/2026 prints it under its line.
    const nd232 = fixture("nd-232-2026");
    const withNote = {
      ...nd232,
      relations: { ...nd232.relations, external: [{ ...nd232.relations!.external![0]!, notes: note }] },
    };
    expect(renderHtmlDocument(withNote, "nd-232-2026")).toContain(`<p class="item note">${note}</p>`);
  });

  it("header.mottoLines: a Quốc hiệu printed without its Tiêu ngữ (TT 02/2023 positions 8 and 12)", () => {
    for (const path of [
      "tt-02-2023-vpcp/08-chuyen-vien-chinh-ve-kiem-soat-thu-tuc-hanh-chinh.yaml",
      "tt-02-2023-vpcp/12-chuyen-vien-ve-quan-ly-thong-tin-lanh-dao.yaml",
    ]) {
      const position = example(path);
      expect(position.header?.mottoLines).toEqual(["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]);
      const motto = /<td class="motto-cell">(.*?)<\/td>/su.exec(
        renderHtmlDocument(position, "tt-02-2023-vpcp"),
      )?.[1];
      expect(motto).toContain('<div class="quoc-hieu">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</div>');
      expect(motto).not.toContain("Độc lập - Tự do - Hạnh phúc");
      expect(motto).toContain('<span class="rule"></span>');
      expect(pageOf(position).header).toEqual(position.header);
      // Another form's layout prints its own motto, not this form's printing of it.
      expect(buildPositionView(position, layoutSpec("qd-4135-btctw-a")).header.mottoLines).toBeUndefined();
    }
    // Without mottoLines, the motto's standard lines.
    const standard = example("tt-02-2023-vpcp/01-chuyen-vien-cao-cap-tham-muu-tong-hop-ve-chuyen-nganh.yaml");
    expect(renderHtmlDocument(standard, "tt-02-2023-vpcp")).toContain(
      '<div class="tieu-ngu">Độc lập - Tự do - Hạnh phúc</div>',
    );
    expect(pageOf(standard).header).toEqual(standard.header);
  });
});

describe("the examples, rendered", () => {
  const examples = readdirSync(join(packageRoot, "examples")).flatMap((folder) =>
    readdirSync(join(packageRoot, "examples", folder)).map((name) => join("examples", folder, name)),
  );

  it("print only headings their source document prints, in its order (test/fixtures/sources/)", () => {
    expect(examples.length).toBeGreaterThan(50);
    for (const path of examples) {
      const loaded = loadForRender(path, readFileSync(join(packageRoot, path)));
      if (!loaded.ok) throw new Error(path);
      const position = loaded.position;
      const [first, last] = position.source!.lines!;
      const lines = readFileSync(join(packageRoot, "test/fixtures/sources", position.source!.file!), "utf8")
        .split("\n")
        .slice(first - 1, last)
        .map((line) =>
          line
            .replace(/<[^>]*>|\[bookmark: [^\]]*\]/gu, "")
            .replace(/\u00a0/gu, " ")
            .trim(),
        );
      const headings = [
        ...renderBody(position, position.form as FormId).body.matchAll(/<h[234]>(.*?)<\/h[234]>/gu),
      ].map((match) => match[1]!);
      let cursor = 0;
      for (const heading of headings) {
        // The objective may continue on its heading's line ("1. Mục tiêu, vị trí việc làm: Nghiên cứu, …").
        const at = lines.findIndex((line, index) => index >= cursor && line.startsWith(heading));
        expect(at, `${path}: "${heading}"`).toBeGreaterThanOrEqual(0);
        cursor = at + 1;
      }
    }
  });
});

describe("what each layout prints", () => {
  const mark = (key: string) => `«${key}»`;
  /** A description of `form` with a marked value in every field of the model that a page can show. */
  const everything = (form: FormId): Position =>
    ({
      form,
      formLabel: mark("formLabel"),
      appendix: {
        label: mark("appendix.label"),
        title: mark("appendix.title"),
        issuedWith: mark("appendix.issuedWith"),
      },
      header: {
        parentAgency: mark("header.parentAgency"),
        agency: mark("header.agency"),
        unit: mark("header.unit"),
        code: mark("header.code"),
        mottoLines: [mark("header.mottoLines")],
      },
      title: mark("title"),
      name: mark("name"),
      code: mark("code"),
      startDate: mark("startDate"),
      workplace: mark("workplace"),
      relatedProcedures: [mark("relatedProcedures")],
      grade: { name: mark("grade") },
      professionalTitle: { name: mark("professionalTitle") },
      field: mark("field"),
      managementLevel: mark("managementLevel"),
      relatedPositions: [mark("relatedPositions")],
      headcount: mark("headcount"),
      objective: mark("objective"),
      tasks: [
        {
          code: mark("tasks.code"),
          area: mark("tasks.area"),
          work: mark("tasks.work"),
          outcomes: mark("tasks.outcomes"),
          criteria: mark("tasks.criteria"),
          quota: mark("tasks.quota"),
          note: mark("tasks.note"),
          careerLevel: 3,
        },
      ],
      relations: {
        internal: {
          managedBy: mark("relations.internal.managedBy"),
          manages: mark("relations.internal.manages"),
          coordinatesWith: mark("relations.internal.coordinatesWith"),
          mainPartners: mark("relations.internal.mainPartners"),
          notes: mark("relations.internal.notes"),
        },
        external: [
          {
            organisations: mark("relations.external.organisations"),
            nature: mark("relations.external.nature"),
            notes: mark("relations.external.notes"),
          },
        ],
      },
      authority: [
        { code: "1", text: mark("authority.text") },
        {
          code: "2",
          heading: mark("authority.heading"),
          items: [{ code: "2.1", text: mark("authority.items") }],
        },
      ],
      workingConditions: {
        equipment: { private: mark("workingConditions.private"), shared: mark("workingConditions.shared") },
        environment: mark("workingConditions.environment"),
        autonomy: mark("workingConditions.autonomy"),
        support: mark("workingConditions.support"),
      },
      requirements: {
        preamble: mark("requirements.preamble"),
        education: mark("requirements.education"),
        training: { label: mark("requirements.label"), text: mark("requirements.training") },
        knowledge: mark("requirements.knowledge"),
        skills: mark("requirements.skills"),
        experience: mark("requirements.experience"),
        qualities: mark("requirements.qualities"),
        other: mark("requirements.other"),
      },
      competencies: {
        preamble: mark("competencies.preamble"),
        legend: mark("competencies.legend"),
        groups: [
          {
            group: "chung",
            label: mark("competencies.label"),
            items: [{ name: mark("competencies.name"), level: 3, note: mark("competencies.note") }],
          },
          {
            group: "chuyen-mon",
            items: [{ name: mark("competencies.name2"), level: { text: mark("competencies.level") } }],
          },
        ],
        professionalByLevel: [{ level: 3, description: mark("competencies.professionalByLevel") }],
      },
      approval: {
        caption: mark("approval.caption"),
        position: mark("approval.position"),
        signer: mark("approval.signer"),
        date: mark("approval.date"),
        note: mark("approval.note"),
      },
      notes: mark("notes"),
      footnotes: [{ mark: "1", text: mark("footnotes") }],
    }) as unknown as Position;

  /**
   * What each layout leaves out, because its form has no place for it; everything else a file holds is
   * printed. The ngạch of TT 02/2023 and QĐ 4135 is in their catalogues, not in the descriptions; the middle
   * column of 3.1 is "Quan hệ phối hợp trực tiếp trong đơn vị" in TT 02/2023 and "Quản lý trực tiếp" elsewhere.
   */
  const NOT_IN_FORM: Record<FormId, string[]> = {
    "tt-02-2023-vpcp": ["grade", "relations.internal.manages"],
    "qd-4135-btctw-a": ["grade", "relations.internal.coordinatesWith"],
    "qd-4135-btctw-b": ["grade", "relations.internal.coordinatesWith"],
    // PL1.1 prints its code ("PL1.1") top right, no appendix title, no workplace.
    "hung-yen-pl1-1-2022": [
      "appendix.label",
      "appendix.title",
      "workplace",
      "grade",
      "relations.internal.coordinatesWith",
    ],
    "ninh-binh-xa-2026": ["relations.internal.coordinatesWith"],
    "qd-302-2025-ubnd": ["workplace", "grade", "relations.internal.coordinatesWith"],
    // Part I has no start date, workplace, procedures or grade; tasks are numbered by bậc; the groups of VI are
    // the decree's own headings.
    "nd-232-2026": [
      "startDate",
      "workplace",
      "relatedProcedures",
      "grade",
      "tasks.code",
      "competencies.label",
    ],
  };
  /** Fields only some forms have: NĐ 232/2026's part I and cấp độ table, Ninh Bình 2026's working conditions. */
  const ONLY_IN: Record<string, FormId[]> = {
    professionalTitle: [],
    field: ["nd-232-2026"],
    managementLevel: ["nd-232-2026"],
    relatedPositions: ["nd-232-2026"],
    headcount: ["nd-232-2026"],
    "competencies.professionalByLevel": ["nd-232-2026"],
    "workingConditions.private": ["ninh-binh-xa-2026"],
    "workingConditions.shared": ["ninh-binh-xa-2026"],
    "workingConditions.environment": ["ninh-binh-xa-2026"],
    "workingConditions.autonomy": ["ninh-binh-xa-2026"],
    "workingConditions.support": ["ninh-binh-xa-2026"],
  };

  for (const layout of layoutIds()) {
    it(`${layout}: every field its form has`, () => {
      const position = everything(layout);
      const all = [...JSON.stringify(position).matchAll(/«([\w.]+)»/gu)].map((match) => match[1]!);
      const html = renderHtmlDocument(position, layout);
      const missing = all.filter((key) => !html.includes(mark(key)));
      const expected = all.filter(
        (key) =>
          NOT_IN_FORM[layout].includes(key) ||
          (ONLY_IN[key] !== undefined && !ONLY_IN[key]!.includes(layout)),
      );
      expect(missing).toEqual(expected);
    });
  }
});

describe("drawing a file in another form's layout", () => {
  it("names what the data lacks", () => {
    const missing = missingForLayout(fixture("tt-02-2023-vpcp"), "ninh-binh-xa-2026").map(
      (field) => field.path,
    );
    expect(missing).toEqual(["/workingConditions"]);
    const xMatrix = missingForLayout(fixture("tt-02-2023-vpcp"), "hung-yen-pl1-1-2022");
    expect(xMatrix.some((field) => field.message.vi.includes("Đạo đức và bản lĩnh"))).toBe(true);
    const perLevel = missingForLayout(fixture("qd-302-2025-ubnd"), "nd-232-2026").map((field) => field.path);
    expect(perLevel).toEqual(expect.arrayContaining(["/category", "/careerLevels", "/tasks"]));
  });

  it("accepts data that has everything the layout draws", () => {
    expect(missingForLayout(fixture("tt-02-2023-vpcp"), "qd-302-2025-ubnd")).toEqual([]);
    expect(missingForLayout(fixture("ninh-binh-xa-2026"), "tt-02-2023-vpcp")).toEqual([]);
  });

  it("has a layout for every form", () => {
    for (const id of layoutIds()) expect(layoutSpec(id).form).toBe(id);
  });
});

describe("fonts", () => {
  it("embeds only the subsets the text needs, Vietnamese before Latin Extended", () => {
    const css = fontFaceCss({ kind: "inline", text: "Độc lập - Tự do - Hạnh phúc" });
    expect(css).toContain("unicode-range:U+0102-0103");
    expect(css).not.toMatch(/U\+0100-02BA/);
    const all = fontFaceCss({ kind: "url", baseUrl: "https://x/" });
    expect(all.indexOf("tinos-vietnamese-400-normal")).toBeGreaterThan(
      all.indexOf("tinos-latin-ext-400-normal"),
    );
    expect(all.lastIndexOf("tinos-latin-400-normal")).toBeGreaterThan(
      all.indexOf("tinos-vietnamese-400-normal"),
    );
  });

  it("names characters no embedded face covers", () => {
    expect(uncoveredCharacters("Nhóm ☐ Quản lý 🙂 “KH&CN” – ơ")).toEqual(["☐", "🙂"]);
  });
});

describe("outputs and browsers", () => {
  it("mirrors the input tree under the deepest common folder", () => {
    const base = commonBase(["examples/tt-02-2023-vpcp/a.yaml", "examples/qd-302-2025-ubnd/b.yaml"], "/work");
    expect(base).toBe("/work/examples");
  });

  it("says how to install a browser when there is none", () => {
    const search = { env: {}, platform: "aix" as NodeJS.Platform, home: tempDir() };
    expect(browserCandidates(search)).toEqual([]);
    expect(() => findBrowser(search)).toThrow(BrowserNotFound);
    try {
      findBrowser(search);
    } catch (error) {
      expect((error as BrowserNotFound).details.vi).toContain("apt-get install chromium");
    }
    expect(() => findBrowser({ browserPath: "/nonexistent/chrome" })).toThrow(/nonexistent/);
  });

  it("finds a browser that puppeteer downloaded, after the explicit and system ones", () => {
    const home = tempDir();
    const chrome = join(home, ".cache/puppeteer/chrome/linux-131.0.6778.204/chrome-linux64/chrome");
    mkdirSync(dirname(chrome), { recursive: true });
    writeFileSync(chrome, "");
    const env = { CHROME_PATH: "/nonexistent/chrome" };
    const candidates = browserCandidates({ env, platform: "aix" as NodeJS.Platform, home });
    expect(candidates.map((candidate) => [candidate.source, candidate.exists])).toEqual([
      ["CHROME_PATH", false],
      ["~/.cache/puppeteer", true],
    ]);
    expect(findBrowser({ env, platform: "aix" as NodeJS.Platform, home }).path).toBe(chrome);
  });

  it("fixes the dates of a PDF without moving a byte", () => {
    const pdf = Buffer.from(
      "%PDF-1.4\n1 0 obj\n<</Title (x)\n/CreationDate (D:20261122050009+00'00')\n/ModDate (D:20261122050009+00'00')>>\n/ID (node00003038) (node00000971)\nendobj\n",
      "latin1",
    );
    const fixed = Buffer.from(makeDeterministic(pdf, 0)).toString("latin1");
    expect(fixed.length).toBe(pdf.length);
    expect(fixed).toContain("/CreationDate (D:19700101000000+00'00')");
    expect(fixed).toContain("(node00000002) (node00000001)");
  });

  it("builds the catalogue with only the levels in use", () => {
    const view = buildCatalogView([
      { file: "a.yaml", position: fixture("tt-02-2023-vpcp") },
      { file: "b.yaml", position: fixture("qd-302-2025-ubnd") },
    ]);
    expect(view.levels).toEqual(["Cấp trung ương", "Cấp tỉnh"]);
    expect(view.groups.flatMap((group) => group.rows.map((row) => row.grade))).toEqual([
      "Chuyên viên chính",
      "Nghiên cứu viên chính hạng II",
    ]);
  });
});

describe("another form's wording", () => {
  it("is left out when a file is drawn in another layout", () => {
    const position = {
      ...fixture("qd-4135-btctw-a"),
      headings: { relations: "3. Các mối quan hệ công việc" },
    } as Position;
    const view = buildPositionView(position, layoutSpec("hung-yen-pl1-1-2022"));
    expect(view.headings).toEqual({});
    expect(view.title).toBe("BẢN MÔ TẢ VỊ TRÍ VIỆC LÀM");
    expect(view.header.motto).toBe("none");
    expect(view.formLabel).toBeUndefined();
    expect(view.approval?.caption).toBe("Người phê duyệt");
    expect(view.competencies.groups[0]!.label).toBe("Năng lực chung");
  });
});

describe("data of the wrong shape", () => {
  it("never stops the drawing: wrong shapes are left out (the schema warnings name them)", () => {
    const keys = [
      "title",
      "header",
      "appendix",
      "objective",
      "tasks",
      "relations",
      "authority",
      "workingConditions",
      "requirements",
      "competencies",
      "approval",
      "grade",
      "workplace",
      "headings",
      "careerLevels",
      "footnotes",
      "notes",
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...layoutIds()),
        fc.dictionary(fc.constantFrom(...keys), fc.anything()),
        (layout, junk) => {
          const position = { ...fixture("tt-02-2023-vpcp"), ...junk } as Position;
          expect(renderHtmlDocument(position, layout)).toContain("</html>");
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe("data of the wrong shape, values that are not text", () => {
  it("prints them as nothing instead of failing to turn them into text", () => {
    const noText = { toString: null };
    const position = {
      ...fixture("nd-232-2026"),
      headcount: noText,
      footnotes: [{ mark: noText, text: noText }],
      competencies: { groups: [], professionalByLevel: [{ level: noText, description: "x" }] },
      approval: { caption: "THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ", date: noText },
    } as unknown as Position;
    for (const layout of layoutIds()) expect(renderHtmlDocument(position, layout)).toContain("</html>");
  });
});

describe("data of the wrong shape, one level down", () => {
  it("never stops the drawing either", () => {
    const anyOf = (...keys: string[]) => fc.dictionary(fc.constantFrom(...keys), fc.anything());
    const junk = fc.record(
      {
        requirements: anyOf(
          "preamble",
          "education",
          "training",
          "knowledge",
          "skills",
          "experience",
          "qualities",
          "other",
        ),
        tasks: fc.array(
          anyOf("code", "area", "work", "outcomes", "criteria", "quota", "note", "category", "careerLevel"),
        ),
        authority: fc.array(anyOf("code", "text", "heading", "items")),
        relations: fc.record({
          internal: anyOf("managedBy", "manages", "coordinatesWith", "mainPartners", "notes"),
          external: fc.array(anyOf("organisations", "nature", "notes")),
        }),
        competencies: fc.record({
          preamble: fc.anything(),
          legend: fc.anything(),
          groups: fc.array(
            fc.record({
              group: fc.oneof(
                fc.constantFrom("chung", "chuyen-mon", "quan-ly", "x", "constructor"),
                fc.anything(),
              ),
              label: fc.anything(),
              items: fc.array(anyOf("name", "level", "note")),
            }),
          ),
          professionalByLevel: fc.array(anyOf("level", "description", "careerLevels")),
        }),
        workingConditions: anyOf("equipment", "environment", "autonomy", "support"),
        header: anyOf("parentAgency", "agency", "unit", "motto", "code", "mottoLines"),
        appendix: anyOf("label", "title", "issuedWith"),
        approval: anyOf("caption", "position", "signer", "date", "note"),
        headings: anyOf("objective", "tasks", "relations", "authority", "requirements", "competencies"),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.constantFrom(...layoutIds()), junk, (layout, data) => {
        const position = { ...fixture("nd-232-2026"), ...data } as Position;
        expect(renderHtmlDocument(position, layout)).toContain("</html>");
      }),
      {
        numRuns: 200,
        // Found by this property: values whose toString is not a function broke the drawing.
        examples: [
          [
            "tt-02-2023-vpcp",
            {
              competencies: {
                preamble: 0,
                legend: 0,
                groups: [],
                professionalByLevel: [{ careerLevels: [{ toString: 0 }] }],
              },
            },
          ],
          [
            "nd-232-2026",
            {
              competencies: {
                preamble: null,
                legend: null,
                groups: [{ group: "chung", label: { toString: false }, items: [] }],
                professionalByLevel: [],
              },
            },
          ],
        ],
      },
    );
  });
});

describe("data of the wrong shape, anywhere", () => {
  /** Checks `draw` on a fixture of any form with any one value replaced by whatever YAML can hold. */
  const forEveryPlace = (draw: (position: Position, layout: FormId) => void) => {
    const forms = layoutIds();
    const places = forms.flatMap((form) => valuePaths(fixture(form)).map((path) => ({ form, path })));
    fc.assert(
      fc.property(
        fc.constantFrom(...places),
        fc.constantFrom(...forms),
        whatYamlCanHold,
        (place, layout, junk) => {
          draw(withValueAt(fixture(place.form), place.path, junk) as Position, layout);
        },
      ),
      { numRuns: Number(process.env.VTVL_PROPERTY_RUNS ?? 300) },
    );
  };

  it("never stops the drawing, whichever value of a full description is replaced by whatever YAML can hold", () => {
    forEveryPlace((position, layout) => {
      expect(renderHtmlDocument(position, layout)).toContain("</html>");
    });
  });

  it("never stops the catalogue or the check of what a layout needs either", () => {
    forEveryPlace((position, layout) => {
      expect(Array.isArray(missingForLayout(position, layout))).toBe(true);
      expect(buildCatalogView([{ file: "x.yaml", position }]).groups.length).toBeGreaterThan(0);
    });
  });
});
