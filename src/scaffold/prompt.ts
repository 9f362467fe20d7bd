/**
 * The interactive part of `vtvl new`: pick a template by typing part of its name (with or without
 * diacritics), then the agency, unit, code and start date. Plain readline: works in any terminal, over
 * pipes, and in tests with in-memory streams.
 */
import { createInterface, type Interface } from "node:readline";
import { localize, type Lang, type Localized } from "../i18n/index.js";
import { searchTemplates, type TemplateEntry } from "./catalog.js";
import type { Answers } from "./create.js";

export interface PromptStreams {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** A terminal gets line editing and echo; pipes and tests do not. */
  terminal: boolean;
}

const MAX_SHOWN = 12;

const text = {
  intro: {
    vi: "Tạo bản mô tả vị trí việc làm mới từ mẫu của thông tư, quyết định (Ctrl+C để thoát).\n",
    en: "Create a new position description from a circular's template (Ctrl+C to quit).\n",
  },
  search: {
    vi: "Tìm mẫu: gõ một phần tên vị trí, có dấu hoặc không (ví dụ: chuyen vien chinh): ",
    en: "Find a template: type part of the position's name, with or without diacritics (e.g. chuyen vien chinh): ",
  },
  none: {
    vi: 'Không có mẫu nào khớp "{query}". Thử từ khác, hoặc `vtvl new --list` để xem tất cả.\n',
    en: 'No template matches "{query}". Try other words, or `vtvl new --list` to see them all.\n',
  },
  more: {
    vi: "  … và {count} mẫu khác: gõ thêm để thu hẹp.\n",
    en: "  … and {count} more: type more to narrow.\n",
  },
  choose: {
    vi: "Chọn số (1–{max}), hoặc gõ từ khác để tìm lại: ",
    en: "Pick a number (1–{max}), or type other words to search again: ",
  },
  chosen: { vi: "Mẫu: {name} ({source})\n", en: "Template: {name} ({source})\n" },
  agency: { vi: "Tên cơ quan{current}: ", en: "Agency name{current}: " },
  unit: { vi: "Tên tổ chức, đơn vị trực thuộc{current}: ", en: "Unit name{current}: " },
  code: { vi: "Mã vị trí việc làm{current}: ", en: "Position code{current}: " },
  startDate: {
    vi: "Ngày bắt đầu thực hiện (YYYY-MM-DD, hoặc cách tính ngày){current}: ",
    en: "Start date (YYYY-MM-DD, or how it is determined){current}: ",
  },
  skip: { vi: " (Enter: để trống)", en: " (Enter: leave blank)" },
  keep: { vi: " [{value}]", en: " [{value}]" },
} satisfies Record<string, Localized>;

class LineReader {
  private readonly lines: string[] = [];
  private readonly waiting: Array<(line: string | undefined) => void> = [];
  private closed = false;

  constructor(private readonly readline: Interface) {
    readline.on("line", (line) => {
      const next = this.waiting.shift();
      if (next) next(line);
      else this.lines.push(line);
    });
    readline.on("close", () => {
      this.closed = true;
      for (const next of this.waiting.splice(0)) next(undefined);
    });
    // Ctrl+C in a terminal: end the session instead of pausing it.
    readline.on("SIGINT", () => readline.close());
  }

  ask(prompt: string): Promise<string | undefined> {
    this.readline.setPrompt(prompt);
    this.readline.prompt();
    const queued = this.lines.shift();
    if (queued !== undefined) return Promise.resolve(queued);
    if (this.closed) return Promise.resolve(undefined);
    return new Promise((resolve) => this.waiting.push(resolve));
  }
}

function listChoices(entries: readonly TemplateEntry[], lang: Lang): string {
  const shown = entries.slice(0, MAX_SHOWN);
  const width = String(shown.length).length;
  const lines = shown.map(
    (entry, index) =>
      `  ${String(index + 1).padStart(width)}. ${entry.name}${entry.grade && !entry.name.includes(entry.grade) ? `, ${entry.grade}` : ""}  · ${entry.source}\n`,
  );
  if (entries.length > shown.length)
    lines.push(localize(text.more, lang, { count: entries.length - shown.length }));
  return lines.join("");
}

async function pickTemplate(
  reader: LineReader,
  write: (chunk: string) => void,
  entries: readonly TemplateEntry[],
  lang: Lang,
): Promise<TemplateEntry | undefined> {
  let query = await reader.ask(localize(text.search, lang));
  for (;;) {
    if (query === undefined) return undefined;
    const matches = searchTemplates(query, entries);
    if (!matches.length) {
      write(localize(text.none, lang, { query }));
      query = await reader.ask(localize(text.search, lang));
      continue;
    }
    if (matches.length === 1) return matches[0];
    write(listChoices(matches, lang));
    const shown = Math.min(matches.length, MAX_SHOWN);
    const answer = await reader.ask(localize(text.choose, lang, { max: shown }));
    if (answer === undefined) return undefined;
    const number = Number(answer.trim());
    if (Number.isInteger(number) && number >= 1 && number <= shown) return matches[number - 1];
    query = answer.trim() === "" ? query : answer;
  }
}

export type InteractiveResult = { template: TemplateEntry; answers: Answers } | undefined;

/** Asks for whatever the flags did not give; undefined when the user quits (Ctrl+C, Ctrl+D). */
export async function askInteractively(
  streams: PromptStreams,
  entries: readonly TemplateEntry[],
  given: { template?: TemplateEntry; answers: Answers },
  lang: Lang,
): Promise<InteractiveResult> {
  const readline = createInterface({
    input: streams.input,
    output: streams.output,
    terminal: streams.terminal,
  });
  const reader = new LineReader(readline);
  const write = (chunk: string) => streams.output.write(chunk);
  try {
    write(localize(text.intro, lang));
    const template = given.template ?? (await pickTemplate(reader, write, entries, lang));
    if (!template) return undefined;
    write(localize(text.chosen, lang, { name: template.name, source: template.source }));
    const answers: Answers = { ...given.answers };
    const keys = !template.header
      ? (["code", "startDate"] as const)
      : (["agency", "unit", "code", "startDate"] as const);
    for (const key of keys) {
      const current = answers[key];
      const hint = current ? localize(text.keep, lang, { value: current }) : localize(text.skip, lang);
      const reply = await reader.ask(localize(text[key], lang, { current: hint }));
      if (reply === undefined) return undefined;
      if (reply.trim() !== "") answers[key] = reply.trim();
    }
    return { template, answers };
  } finally {
    readline.close();
  }
}
