/** TypeScript view of the format, derived from the schema source so the two cannot drift apart. */
import type { Static } from "@sinclair/typebox";
import type {
  AuthorityItem as AuthorityItemSchema,
  CompetencyGroup as CompetencyGroupSchema,
  CompetencyItem as CompetencyItemSchema,
  ExperienceFacts as ExperienceFactsSchema,
  FormId as FormIdSchema,
  GradeRef as GradeRefSchema,
  Level as LevelSchema,
  PositionDoc,
  RegimeId as RegimeIdSchema,
  Task as TaskSchema,
  Text as TextSchema,
} from "./schema-source.js";

export type Position = PositionDoc;
export type Text = Static<typeof TextSchema>;
export type FormId = Static<typeof FormIdSchema>;
export type RegimeId = Static<typeof RegimeIdSchema>;
export type Level = Static<typeof LevelSchema>;
export type GradeRef = Static<typeof GradeRefSchema>;
export type Task = Static<typeof TaskSchema>;
export type AuthorityItem = Static<typeof AuthorityItemSchema>;
export type CompetencyGroup = Static<typeof CompetencyGroupSchema>;
export type CompetencyItem = Static<typeof CompetencyItemSchema>;
export type ExperienceFacts = Static<typeof ExperienceFactsSchema>;
export type CompetencyGroupId = CompetencyGroup["group"];
