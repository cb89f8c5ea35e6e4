/**
 * The JSON shapes of the MCP tools' inputs and outputs, declared once with zod so the SDK
 * validates calls and advertises the schemas in `tools/list`.
 */
import { z } from 'zod';
import type { SectionNodeShape } from '../core/index.ts';

const position = z.object({ line: z.number().int(), character: z.number().int() });
const range = z.object({ start: position, end: position });

export const documentInput = {
  path: z
    .string()
    .optional()
    .describe('Path of the markdown document, relative to the project root (or absolute inside it). Give either path or text.'),
  text: z.string().optional().describe('The document text itself, for a document not yet on disk. Give either path or text.'),
  template: z
    .string()
    .optional()
    .describe('Template to check against: a bundled template id such as "architecture", or a path inside the project. Default: the one the project configuration picks.'),
};

export const finding = z.object({
  code: z.string().describe('Stable diagnostic code, e.g. missing-section, placeholder'),
  severity: z.enum(['error', 'warning', 'information', 'hint']),
  message: z.string(),
  range: range.describe('0-based LSP range; characters are UTF-16 code units'),
  data: z.unknown().optional().describe('What a fix needs, e.g. the missing sections'),
});

export const sectionState = z.enum(['complete', 'placeholders', 'guidance', 'empty', 'missing', 'out-of-order']);


export const sectionNode: z.ZodType<SectionNodeShape> = z.lazy(() =>
  z.object({
    id: z.string(),
    title: z.string(),
    level: z.number().int(),
    state: sectionState,
    optional: z.boolean(),
    line: z.number().int().optional().describe('0-based line of its heading; absent when missing'),
    placeholders: z.number().int(),
    guidance: z.number().int().describe('guidance lines of the template left unchanged'),
    children: z.array(sectionNode),
  }),
);

const documentHeader = {
  path: z.string().optional(),
  template: z.string().describe('The template the document was checked against'),
  checked: z.boolean().describe('Whether the project treats this file as an architecture document'),
  reason: z.string().optional().describe('Why the document is or is not checked'),
};

export const checkOutput = {
  ...documentHeader,
  summary: z.object({ errors: z.number().int(), warnings: z.number().int(), information: z.number().int(), hints: z.number().int() }),
  findings: z.array(finding),
  sections: z.array(sectionNode).describe('Every template section with its state'),
};

export const outlineOutput = {
  ...documentHeader,
  sectionsPresent: z.number().int(),
  sectionsRequired: z.number().int(),
  placeholders: z.number().int(),
  missing: z.array(z.object({ id: z.string(), title: z.string(), level: z.number().int(), optional: z.boolean() })),
  sections: z.array(sectionNode),
};

export const fixInput = {
  ...documentInput,
  write: z.boolean().optional().describe('Write the fixed text back to path (atomically). Default false: only return it.'),
};

export const fixOutput = {
  path: z.string().optional(),
  text: z.string().describe('The document after the safe fixes'),
  changed: z.boolean(),
  rounds: z.number().int().describe('Rounds of fixes that changed the text (0: nothing to fix)'),
  written: z.boolean(),
  remaining: z.array(finding).describe('Findings left after fixing: they need an author'),
};

export const newInput = {
  path: z.string().describe('Where to write the new document, relative to the project root. It must not exist.'),
  name: z.string().optional().describe('Project name; default: the name of the folder holding the document'),
  template: documentInput.template,
  date: z.string().optional().describe('YYYY-MM-DD; default today'),
  status: z.string().optional().describe("The document's Status; default the template's first value"),
};

export const newOutput = {
  path: z.string(),
  template: z.string(),
  written: z.boolean(),
  text: z.string(),
};

export const sectionInput = {
  section: z.string().describe('The section: its title ("Decision Log"), heading ("## Security") or id ("system-architecture/components")'),
  template: documentInput.template,
  path: z.string().optional().describe('A document whose template applies, when the project has several'),
};

export const sectionOutput = {
  id: z.string(),
  title: z.string(),
  level: z.number().int(),
  optional: z.boolean(),
  parent: z.string().optional(),
  guidance: z.string().describe("The template's guidance for the section: what belongs in it"),
  skeleton: z.string().describe('The markdown to start the section from, subsections included'),
  subsections: z.array(z.string()),
  template: z.string(),
};
