/**
 * How the server's template-aware outline is shown: one item per template section, in
 * template order, with its state in words and as an icon. Pure, so the wording and the
 * context values the menus depend on are tested without an editor.
 */
import type { OutlineNode, OutlineResult, OutlineState } from '../../../server/src/protocol.ts';

/**
 * The `contextValue` of a section item, which `package.json` menus match (`viewItem == …`).
 * Optional sections that are missing have their own value: the server reports no
 * diagnostic for them, so there is no quick fix for the insert action to apply.
 */
export type SectionContextValue =
  | `archdoc.section.${OutlineState}`
  | 'archdoc.section.out-of-order'
  | 'archdoc.section.missing-optional'
  | 'archdoc.section.extra'
  | 'archdoc.error';

/** A themed icon: a codicon id and an optional theme colour id. */
export interface ItemIcon {
  readonly id: string;
  readonly color?: string;
}

/** One row of the Architecture view, independent of the VS Code API. */
export interface SectionItem {
  /** Stable across refreshes, so the tree keeps its expansion state. */
  readonly id: string;
  readonly label: string;
  readonly description: string;
  readonly tooltip: string;
  readonly state: OutlineState | 'error';
  readonly contextValue: SectionContextValue;
  readonly icon: ItemIcon;
  /** The template section id, for actions such as inserting a missing section. */
  readonly sectionId: string;
  readonly node?: OutlineNode;
  readonly children: readonly SectionItem[];
}

const ICONS: Record<OutlineState, ItemIcon> = {
  done: { id: 'pass', color: 'testing.iconPassed' },
  problems: { id: 'warning', color: 'list.warningForeground' },
  placeholders: { id: 'edit', color: 'list.warningForeground' },
  guidance: { id: 'info', color: 'list.warningForeground' },
  empty: { id: 'circle-large-outline', color: 'list.warningForeground' },
  missing: { id: 'debug-breakpoint-unverified', color: 'disabledForeground' },
};

/** A filled-in section whose statements no longer match the repository. */
const DRIFT_ICON: ItemIcon = { id: 'git-compare', color: 'list.warningForeground' };

/** `1 placeholder`, `7 placeholders`. */
export function countPlaceholders(count: number): string {
  return `${count} placeholder${count === 1 ? '' : 's'}`;
}

/** The state in a few words, as the item's description: the engine's wording, which the hover shows too. */
export function describeNode(node: OutlineNode): string {
  return node.outOfOrder ? `${node.description} · out of order` : node.description;
}

function tooltipFor(node: OutlineNode): string {
  const extra = node.id.startsWith('extra:');
  const order = node.outOfOrder ? ' It is not where the template puts it: the lightbulb action shows the fix that moves it.' : '';
  switch (node.state) {
    case 'done':
      return (extra ? `${node.title}: a section the template does not have.` : `${node.title}: written.`) + order;
    case 'problems':
      return `${node.title}: written, with problems to look at in the Problems panel.` + order;
    case 'placeholders':
      return `${node.title}: ${countPlaceholders(node.placeholders)} left to replace.` + order;
    case 'guidance':
      return `${node.title}: the template's guidance is still there, to replace with this project's own.` + order;
    case 'empty':
      return `${node.title}: the heading is there but the section has no content yet.` + order;
    case 'missing':
      return node.optional
        ? `${node.title}: optional in the template, and not in the document.`
        : `${node.title}: not in the document. Use the + action to insert it with its skeleton.`;
  }
}

/** `2 out of date with the repository`: findings of the repository checks in a section. */
export function countDrift(count: number): string {
  return `${count} out of date with the repository`;
}

/** The description, with drift added after the state: `done · 2 out of date with the repository`. */
function descriptionOf(node: OutlineNode): string {
  const drift = node.drift ?? 0;
  return drift > 0 ? `${describeNode(node)} · ${countDrift(drift)}` : describeNode(node);
}

function tooltipOf(node: OutlineNode): string {
  const drift = node.drift ?? 0;
  const own = tooltipFor(node);
  return drift > 0 ? `${own} ${drift === 1 ? 'One statement no longer matches' : `${drift} statements no longer match`} the repository (see Problems).` : own;
}

function contextValueOf(node: OutlineNode, extra: boolean): SectionContextValue {
  if (extra) return 'archdoc.section.extra';
  if (node.outOfOrder) return 'archdoc.section.out-of-order';
  if (node.state === 'missing' && node.optional) return 'archdoc.section.missing-optional';
  return `archdoc.section.${node.state}`;
}

function toItem(node: OutlineNode, parentId: string): SectionItem {
  const extra = node.id.startsWith('extra:');
  const id = `${parentId}/${node.id}`;
  return {
    id,
    label: node.title,
    description: descriptionOf(node),
    tooltip: tooltipOf(node),
    state: node.state,
    contextValue: contextValueOf(node, extra),
    icon: extra ? { id: 'symbol-text' } : (node.drift ?? 0) > 0 && node.state === 'done' ? DRIFT_ICON : ICONS[node.state],
    sectionId: node.id,
    node,
    children: node.children.map((child) => toItem(child, id)),
  };
}

/**
 * The view's root items for one outline result. An error replaces the sections: the
 * template could not be used, or (with no template named) the document was not checked,
 * for instance because it exceeds `archdoc.maxFileSize`.
 */
export function toSectionItems(result: OutlineResult): SectionItem[] {
  if (result.error !== undefined) {
    return [
      {
        id: 'error',
        label: result.ignoredTemplate !== undefined ? 'Template ignored in Restricted Mode' : result.template ? 'Template unavailable' : 'Not checked',
        description: result.error,
        tooltip: result.template ? `The template (${describeTemplate(result.template)}) could not be used: ${result.error}` : result.error,
        state: 'error',
        contextValue: 'archdoc.error',
        icon: { id: 'error', color: 'errorForeground' },
        sectionId: '',
        children: [],
      },
    ];
  }
  return result.nodes.map((node) => toItem(node, ''));
}

/** The status bar text: `ArchDoc 11/15 written · 7 placeholders`. */
export function statusText(result: OutlineResult): string {
  if (result.ignoredTemplate !== undefined) return '$(shield) ArchDoc: template ignored';
  if (result.error !== undefined) return result.template ? 'ArchDoc: template error' : 'ArchDoc: not checked';
  const sections = `ArchDoc ${result.sectionsWritten}/${result.sectionsRequired} written`;
  return result.placeholders > 0 ? `${sections} · ${countPlaceholders(result.placeholders)}` : sections;
}

/** The status bar tooltip, one sentence per fact. */
export function statusTooltip(result: OutlineResult): string {
  if (result.ignoredTemplate !== undefined) {
    return `This workspace sets the template ${result.ignoredTemplate}, which Restricted Mode ignores, so the document is not checked against another template. Click to manage Workspace Trust.`;
  }
  if (result.error !== undefined) return result.template ? `The template could not be used: ${result.error}` : result.error;
  const template = describeTemplate(result.template);
  return [
    `${result.sectionsWritten} of ${result.sectionsRequired} required sections written (${template}): no guidance, placeholders or emptiness left.`,
    result.placeholders > 0 ? `${countPlaceholders(result.placeholders)} left to replace.` : 'No placeholders left.',
    'Click to open the Architecture view.',
  ].join('\n');
}

function describeTemplate(ref: OutlineResult['template']): string {
  if (ref === null) return 'no template';
  if (ref.kind === 'file') return ref.uri;
  return ref.id === 'architecture' ? 'the bundled template' : `the bundled template "${ref.id}"`;
}
