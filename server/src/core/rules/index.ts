/**
 * Every rule, in the order their findings are listed for one line. Adding a rule means adding a
 * line here, its page `docs/rules/<code>.md`, and running `npm run generate`.
 */
import type { Rule, RuleInfo } from './rule.ts';

export type { Finding, Rule, RuleInfo } from './rule.ts';
import { placeholder } from './placeholder.ts';
import { templateText } from './templateText.ts';
import { missingSection } from './missingSection.ts';
import { sectionOrder } from './sectionOrder.ts';
import { duplicateSection } from './duplicateSection.ts';
import { headingTypo } from './headingTypo.ts';
import { headingLevel } from './headingLevel.ts';
import { emptySection } from './emptySection.ts';
import { invalidValue } from './invalidValue.ts';
import { invalidDate } from './invalidDate.ts';
import { missingField } from './missingField.ts';
import { tableColumns } from './tableColumns.ts';
import { extraSection } from './extraSection.ts';
import { stalePath } from './stalePath.ts';
import { undocumentedPath } from './undocumentedPath.ts';
import { undocumentedEnv } from './undocumentedEnv.ts';
import { unusedEnv } from './unusedEnv.ts';
import { unknownDependency } from './unknownDependency.ts';
import { versionMismatch } from './versionMismatch.ts';
import { staleDate } from './staleDate.ts';
import { brokenLink } from './brokenLink.ts';
import { templateError } from './templateError.ts';

export const RULES: readonly Rule[] = [
  placeholder,
  templateText,
  missingSection,
  sectionOrder,
  duplicateSection,
  headingTypo,
  headingLevel,
  emptySection,
  invalidValue,
  invalidDate,
  missingField,
  tableColumns,
  extraSection,
  stalePath,
  undocumentedPath,
  undocumentedEnv,
  unusedEnv,
  unknownDependency,
  versionMismatch,
  staleDate,
  brokenLink,
];

/** Every diagnostic code the engine reports, with what it means: the rules, then the codes the faces report themselves. */
export const RULE_INFO: readonly RuleInfo[] = [...RULES, templateError];
