import type { RuleInfo } from './rule.ts';

/**
 * A template that is missing, unreadable or broken. No document check finds this: the faces
 * report it on line 1 when the template fails to compile, instead of checking against nothing.
 */
export const templateError: RuleInfo = {
  code: 'template-error',
  description: 'The template is missing, unreadable or broken, so the document is not checked.',
  severity: 'error',
  fixable: false,
  tags: ['template'],
  configurable: false,
};
