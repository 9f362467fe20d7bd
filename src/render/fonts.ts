/**
 * The one typeface of every rendered page: Tinos (metric-compatible with Times New Roman, the font Nghị định
 * 30/2020 prescribes), shipped by @fontsource/tinos as woff2 subsets with their unicode-ranges. Reading the
 * package's own CSS keeps the ranges in step with the files; nothing comes from the machine's fonts.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

/** The CSS family name; deliberately not "Tinos", so a Tinos installed on the machine can never be picked. */
export const FONT_FAMILY = "VTVL Tinos";

export interface FontFace {
  /** File name inside @fontsource/tinos/files, e.g. "tinos-vietnamese-400-normal.woff2". */
  file: string;
  subset: string;
  weight: 400 | 700;
  style: "normal" | "italic";
  unicodeRange: string;
  ranges: Array<[number, number]>;
}

const STYLE_FILES = ["400.css", "700.css", "400-italic.css", "700-italic.css"] as const;

let packageDirCache: string | undefined;
let facesCache: FontFace[] | undefined;
const bytesCache = new Map<string, Buffer>();

function packageDir(): string {
  packageDirCache ??= dirname(createRequire(import.meta.url).resolve("@fontsource/tinos"));
  return packageDirCache;
}

function parseRanges(unicodeRange: string): Array<[number, number]> {
  return unicodeRange.split(",").map((part) => {
    const [start, end] = part.trim().replace(/^U\+/i, "").split("-");
    const low = parseInt(start!, 16);
    return [low, end === undefined ? low : parseInt(end, 16)];
  });
}

/** Every woff2 face the package ships, in its CSS order, with the code points each covers. */
export function fontFaces(): FontFace[] {
  if (facesCache) return facesCache;
  const faces: FontFace[] = [];
  for (const cssFile of STYLE_FILES) {
    const css = readFileSync(join(packageDir(), cssFile), "utf8");
    for (const block of css.split("@font-face").slice(1)) {
      const file = /url\(\.\/files\/([^)]+\.woff2)\)/.exec(block)?.[1];
      const unicodeRange = /unicode-range:\s*([^;]+);/.exec(block)?.[1]?.trim();
      const meta = file ? /^tinos-(.+)-(400|700)-(normal|italic)\.woff2$/.exec(file) : null;
      if (!file || !unicodeRange || !meta) continue;
      faces.push({
        file,
        subset: meta[1]!,
        weight: Number(meta[2]) as 400 | 700,
        style: meta[3] as "normal" | "italic",
        unicodeRange,
        ranges: parseRanges(unicodeRange),
      });
    }
  }
  if (!faces.some((face) => face.subset === "vietnamese"))
    throw new Error("@fontsource/tinos has no Vietnamese subset: reinstall the package (npm ci).");
  facesCache = faces;
  return faces;
}

export function fontBytes(file: string): Buffer {
  let bytes = bytesCache.get(file);
  if (!bytes) {
    if (!/^tinos-[a-z-]+-(400|700)-(normal|italic)\.woff2$/.test(file))
      throw new Error(`not a font: ${file}`);
    bytes = readFileSync(join(packageDir(), "files", file));
    bytesCache.set(file, bytes);
  }
  return bytes;
}

function covers(face: FontFace, codePoint: number): boolean {
  return face.ranges.some(([low, high]) => codePoint >= low && codePoint <= high);
}

const IGNORED = /[\s\u200b-\u200d\u2060\ufeff]/u;

/** The characters of `text` that no embedded face covers: Chromium would draw them with a machine font. */
export function uncoveredCharacters(text: string): string[] {
  const faces = fontFaces();
  const missing = new Set<string>();
  for (const character of new Set(text)) {
    if (IGNORED.test(character)) continue;
    const codePoint = character.codePointAt(0)!;
    if (!faces.some((face) => covers(face, codePoint))) missing.add(character);
  }
  return [...missing].sort();
}

export type FontSource =
  /** Fonts embedded as data: URIs, for standalone HTML files (only the subsets the text needs). */
  | { kind: "inline"; text: string }
  /** Fonts fetched from the render origin, where the PDF renderer serves them from memory. */
  | { kind: "url"; baseUrl: string };

/** Which subset draws a character when several cover it: Vietnamese before Latin Extended. */
const SUBSET_PRIORITY = [
  "latin",
  "vietnamese",
  "latin-ext",
  "greek",
  "greek-ext",
  "cyrillic",
  "cyrillic-ext",
];

function priority(subset: string): number {
  const index = SUBSET_PRIORITY.indexOf(subset);
  return index === -1 ? SUBSET_PRIORITY.length : index;
}

/** The subsets the characters of `text` need, each character going to the first subset (by priority) covering it. */
export function subsetsFor(text: string): Set<string> {
  const faces = fontFaces()
    .filter((face) => face.weight === 400 && face.style === "normal")
    .sort((a, b) => priority(a.subset) - priority(b.subset));
  const needed = new Set<string>(["latin", "vietnamese"]);
  for (const character of new Set(text)) {
    const codePoint = character.codePointAt(0)!;
    const face = faces.find((candidate) => covers(candidate, codePoint));
    if (face) needed.add(face.subset);
  }
  return needed;
}

/**
 * The @font-face rules of the document. When unicode-ranges overlap, the last rule declared is tried first
 * (CSS Fonts 4 §4.5), so the rules go out in reverse priority: Latin last, then Vietnamese, then the rest.
 */
export function fontFaceCss(source: FontSource): string {
  let faces = [...fontFaces()].sort((a, b) => priority(b.subset) - priority(a.subset));
  if (source.kind === "inline") {
    const needed = subsetsFor(source.text);
    faces = faces.filter((face) => needed.has(face.subset));
  }
  return faces
    .map((face) => {
      const url =
        source.kind === "inline"
          ? `data:font/woff2;base64,${fontBytes(face.file).toString("base64")}`
          : `${source.baseUrl}${face.file}`;
      return `@font-face{font-family:"${FONT_FAMILY}";font-style:${face.style};font-weight:${face.weight};font-display:block;src:url(${url}) format("woff2");unicode-range:${face.unicodeRange}}`;
    })
    .join("\n");
}
