/** Competency names: cleaning the printed forms and finding them in a form's catalogue. */
import type { CompetencyGroupId, FormId } from "../../model/types.js";
import { competencyData } from "../data.js";
import { memoByText } from "./memo.js";
import { withoutTrailing } from "./text.js";

/** The name without list marks and trailing punctuation, spaces collapsed, NFC (GUIDE.md §d.5). */
export const cleanCompetencyName: (name: string) => string = memoByText((name: string) => {
  const marked = name
    .normalize("NFC")
    .replace(/[\s\u00a0]+/g, " ")
    .replace(/ ([,;.])/g, "$1")
    .trim()
    .replace(/^[•\-–—+*]\s*/u, "");
  // Trailing punctuation and the spaces before it (what /\s*[.;,]+$/ took, without its quadratic retries).
  const unpunctuated = withoutTrailing(marked, /[.;,]/u);
  return (unpunctuated.length < marked.length ? withoutTrailing(unpunctuated, /\s/u) : marked).trim();
});

export const competencyKey: (name: string) => string = memoByText((name: string) =>
  cleanCompetencyName(name).toLowerCase(),
);

export interface CatalogueMatch {
  /** The catalogue name the written name stands for. */
  name: string;
  group: CompetencyGroupId;
  viaAlias: boolean;
}

interface CatalogueIndex {
  byKey: Map<string, { name: string; group: CompetencyGroupId }>;
  aliases: Map<string, string>;
}

const indexes = new Map<FormId, CatalogueIndex | null>();

function catalogueIndex(form: FormId): CatalogueIndex | null {
  let index = indexes.get(form);
  if (index === undefined) {
    const catalogue = competencyData().catalogues[form];
    index = catalogue
      ? {
          byKey: new Map(
            (Object.entries(catalogue.groups) as Array<[CompetencyGroupId, string[]]>).flatMap(
              ([group, names]) => names.map((name) => [competencyKey(name), { name, group }] as const),
            ),
          ),
          aliases: new Map(
            competencyData().aliases.map((entry) => [competencyKey(entry.alias), competencyKey(entry.name)]),
          ),
        }
      : null;
    indexes.set(form, index);
  }
  return index;
}

/** The catalogue entry a written name stands for in a form, exactly or through an alias. */
export function matchCompetency(form: FormId, name: string): CatalogueMatch | undefined {
  const index = catalogueIndex(form);
  if (!index) return undefined;
  const key = competencyKey(name);
  const exact = index.byKey.get(key);
  if (exact) return { ...exact, viaAlias: false };
  const aliasOf = index.aliases.get(key);
  const viaAlias = aliasOf ? index.byKey.get(aliasOf) : undefined;
  return viaAlias ? { ...viaAlias, viaAlias: true } : undefined;
}

/** The catalogue name of a written name in any form's catalogue, for forms without their own. */
export function canonicalName(form: FormId, name: string): string {
  return matchCompetency(form, name)?.name ?? cleanCompetencyName(name);
}
