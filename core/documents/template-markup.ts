/**
 * What markup a company's print-template override may contain. Handlebars escapes what it prints,
 * but the template's own markup is written by an admin and goes to paper and to browsers as it is:
 * a <script>, a form, an event handler, a javascript: link, a frame or a CSS url() must never get
 * in, whatever the print view's CSP would stop. The template is parsed as a browser would parse it
 * (parse5, the WHATWG HTML parser) and every element and attribute is held against an allowlist;
 * anything else is reported with its line and column, at the template's pointer in the document.
 *
 * Plugin templates (reviewed code) are not checked here; overrides in the configuration are.
 */
import { parse } from 'parse5';
import type { DefaultTreeAdapterMap } from 'parse5';
import type { FieldIssue } from '../errors.js';
import { joinPointer } from '../errors.js';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

/** Elements a printed form needs: text, headings, tables, lists, images of signatures. */
const ELEMENTS = new Set([
  'html', 'head', 'body', 'title', 'meta', 'style',
  'section', 'header', 'footer', 'main', 'article', 'div', 'span', 'p', 'br', 'hr',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'strong', 'b', 'em', 'i', 'u', 's', 'small', 'sub', 'sup', 'mark',
  'blockquote', 'pre', 'code', 'address', 'figure', 'figcaption',
  'table', 'caption', 'colgroup', 'col', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td',
  'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'img', 'a',
]);
const GLOBAL_ATTRIBUTES = new Set(['class', 'id', 'style', 'title', 'lang', 'dir']);
const ELEMENT_ATTRIBUTES: Record<string, Set<string>> = {
  td: new Set(['colspan', 'rowspan', 'headers', 'align', 'valign', 'width', 'height']),
  th: new Set(['colspan', 'rowspan', 'headers', 'scope', 'align', 'valign', 'width', 'height']),
  col: new Set(['span', 'width']),
  colgroup: new Set(['span', 'width']),
  table: new Set(['width', 'border', 'cellpadding', 'cellspacing']),
  img: new Set(['src', 'alt', 'width', 'height']),
  a: new Set(['href']),
  meta: new Set(['charset']),
  ol: new Set(['start', 'type']),
};
/** CSS that loads or runs something: url(), @import, IE's expression()/behavior, escapes that hide them. */
const STYLE_HAZARDS: [RegExp, string][] = [
  [/url\s*\(/i, 'url()'], [/@import/i, '@import'], [/expression\s*\(/i, 'expression()'], [/javascript\s*:/i, 'javascript:'],
  [/behavior\s*:/i, 'behavior'], [/-moz-binding/i, '-moz-binding'], [/\\/, 'a CSS escape (\\)'],
];
const LINK_SCHEMES = ['http:', 'https:', 'mailto:', 'tel:'];
const MAX_ISSUES_PER_TEMPLATE = 20;

interface TemplatesHolder { plugins?: Record<string, { templates?: Record<string, string> } | undefined> }
interface DocumentLike extends TemplatesHolder {
  projects?: Record<string, TemplatesHolder | undefined>;
  /** the company's own case types (core/config/company-case-types.ts): their templates are admin-written too */
  caseTypes?: Record<string, { templates?: Record<string, string> } | undefined>;
}

/** Problems with the markup of every template override in a configuration document. */
export function checkTemplateMarkup(document: DocumentLike): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const scopes: [string, TemplatesHolder | undefined][] = [['', document], ...Object.entries(document.projects ?? {}).map(([code, p]) => [joinPointer('projects', code), p] as [string, TemplatesHolder | undefined])];
  for (const [prefix, scope] of scopes) {
    for (const [pluginId, patch] of Object.entries(scope?.plugins ?? {})) {
      for (const [name, source] of Object.entries(patch?.templates ?? {})) {
        if (typeof source !== 'string') continue;
        const pointer = `${prefix}${joinPointer('plugins', pluginId, 'templates', name)}`;
        for (const problem of markupProblems(source).slice(0, MAX_ISSUES_PER_TEMPLATE)) {
          issues.push({ pointer, code: 'template-markup', message: problem });
        }
      }
    }
  }
  for (const [caseType, def] of Object.entries(document.caseTypes ?? {})) {
    for (const [name, source] of Object.entries(def?.templates ?? {})) {
      if (typeof source !== 'string') continue;
      const pointer = joinPointer('caseTypes', caseType, 'templates', name);
      for (const problem of markupProblems(source).slice(0, MAX_ISSUES_PER_TEMPLATE)) issues.push({ pointer, code: 'template-markup', message: problem });
    }
  }
  return issues;
}

/** Messages for one template, each with its line and column. */
export function markupProblems(source: string): string[] {
  const problems: string[] = [];
  // handlebars comments may say anything ("steps.<transition>"): blank them, keeping positions
  const html = source.replace(/\{\{!--[\s\S]*?--\}\}|\{\{![\s\S]*?\}\}/g, (c) => c.replace(/[^\n]/g, ' '));
  const tree = parse(html, { sourceCodeLocationInfo: true });
  const visit = (node: Node) => {
    if ('tagName' in node) checkElement(node, problems);
    const children = 'childNodes' in node ? node.childNodes : [];
    for (const child of children) visit(child);
    if ('content' in node && node.content) visit(node.content as unknown as Node);
  };
  visit(tree as unknown as Node);
  return problems;
}

function at(node: Element, attr?: string): string {
  const loc = attr ? node.sourceCodeLocation?.attrs?.[attr] : node.sourceCodeLocation?.startTag ?? node.sourceCodeLocation;
  return loc ? `line ${loc.startLine} column ${loc.startCol}` : 'somewhere';
}

function checkElement(el: Element, problems: string[]): void {
  const tag = el.tagName;
  // the parser adds html/head/body around a fragment; only what the admin wrote has a location
  if (!el.sourceCodeLocation && ['html', 'head', 'body'].includes(tag)) return;
  if (!ELEMENTS.has(tag)) {
    problems.push(`${at(el)}: <${tag}> is not allowed in a print template (模板中不允许 <${tag}>)`);
    return;
  }
  for (const { name, value } of el.attrs) {
    const where = at(el, name);
    if (name.startsWith('on')) {
      problems.push(`${where}: the event handler ${name}="…" on <${tag}> is not allowed (不允许事件属性)`);
      continue;
    }
    if (!GLOBAL_ATTRIBUTES.has(name) && !ELEMENT_ATTRIBUTES[tag]?.has(name)) {
      problems.push(`${where}: the attribute ${name} on <${tag}> is not allowed (不允许属性 ${name})`);
      continue;
    }
    if (name === 'style') checkStyle(value, `${where}: style on <${tag}>`, problems);
    if (name === 'href') checkLink(value, where, problems);
    if (name === 'src') checkImageSource(value, where, problems);
  }
  if (tag === 'style') {
    const css = el.childNodes.map((n) => ('value' in n ? String(n.value) : '')).join('');
    checkStyle(css, `${at(el)}: <style>`, problems);
  }
}

function checkStyle(css: string, where: string, problems: string[]): void {
  for (const [pattern, what] of STYLE_HAZARDS) {
    if (pattern.test(css)) problems.push(`${where} uses ${what}, which may load or run something (样式中不允许 ${what})`);
  }
  if (css.includes('{{')) problems.push(`${where} prints a value into CSS; styles must be fixed text (样式中不允许插入数据)`);
}

/** Links: fixed http(s), mailto or tel addresses, or relative ones; never a printed value (it could be javascript:). */
function checkLink(href: string, where: string, problems: string[]): void {
  if (href.includes('{{')) {
    problems.push(`${where}: href prints a value; links must be fixed addresses (链接地址必须是固定文字)`);
    return;
  }
  // browsers ignore whitespace and control characters inside a scheme ("java\tscript:")
  const compact = href.replace(/[\u0000-\u0020\u007f]/g, '').toLowerCase();
  const scheme = /^([a-z][a-z0-9+.-]*):/.exec(compact)?.[1];
  if (scheme && !LINK_SCHEMES.includes(`${scheme}:`)) problems.push(`${where}: the link scheme ${scheme}: is not allowed (allowed: ${LINK_SCHEMES.join(' ')}) (不允许的链接)`);
}

/** Images: a signature or photo value printed whole ({{data.signature}}), or an inline data:image. */
function checkImageSource(src: string, where: string, problems: string[]): void {
  const value = src.trim();
  if (/^\{\{[^{}]+\}\}$/.test(value)) return;
  if (/^data:image\/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/=\s]*$/i.test(value)) return;
  problems.push(`${where}: an image must be a printed signature/photo value or an inline data:image, not "${value.slice(0, 60)}" (图片来源不允许)`);
}
