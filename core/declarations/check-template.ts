/**
 * Cross-checks a handlebars template: it may only read what the document context provides,
 * may only call known helpers, and may never print unescaped output ({{{ }}} / {{& }}), since
 * case data is typed by residents and staff.
 */
import Handlebars from 'handlebars';
import type { FieldIssue } from '../errors.js';
import { hasFieldPath, type FieldSchema } from './form-fields.js';

/** Roots of the document context built by core/documents. */
export const TEMPLATE_ROOTS = ['case', 'data', 'company', 'project', 'building', 'unit', 'person', 'events', 'steps', 'clocks', 'followUps', 'document', 'now', 'names'] as const;
/** x-ref kinds whose records a document names (`names.<field>`: 1栋 101, a resident's or a staff member's name) */
export const NAMED_REFS = new Set(['unit', 'person', 'staff']);
/** Block helpers whose body reads the element, not the root context. */
const SCOPING_BLOCKS = new Set(['each', 'with']);

type Node = hbs.AST.Node & Record<string, unknown>;

/**
 * @param roots the context roots the template may read: a case document's by default; a plugin
 *   document (manifest `documents`) declares its own.
 */
export function checkTemplate(source: string, fields: Map<string, FieldSchema>, helpers: ReadonlySet<string>, roots: readonly string[] = TEMPLATE_ROOTS): FieldIssue[] {
  let ast: hbs.AST.Program;
  try {
    ast = Handlebars.parse(source);
  } catch (e) {
    return [{ pointer: '', code: 'template-syntax', message: (e as Error).message.split('\n')[0] ?? 'syntax error' }];
  }
  const issues: FieldIssue[] = [];
  const at = (node: hbs.AST.Node) => `line ${node.loc?.start.line ?? '?'}`;

  const checkPath = (path: hbs.AST.PathExpression, scoped: boolean) => {
    if (path.data) {
      // @root.x reads the root context even inside blocks; @index/@key/@first/@last are fine.
      if (path.parts[0] === 'root') checkRootPath(path.parts.slice(1), path);
      return;
    }
    if (path.depth > 0 || scoped || path.original === 'this' || path.original === '.') return;
    checkRootPath(path.parts, path);
  };
  const checkRootPath = (parts: string[], node: hbs.AST.Node) => {
    const [root, ...rest] = parts;
    if (!root) return;
    if (!roots.includes(root)) {
      issues.push({ pointer: '', code: 'unknown-template-variable', message: `${at(node)}: "${parts.join('.')}" is not available (roots: ${roots.join(', ')})` });
    } else if (root === 'data' && rest.length > 0 && !hasFieldPath(fields, rest.join('.'))) {
      issues.push({ pointer: '', code: 'unknown-template-variable', message: `${at(node)}: data.${rest.join('.')} is not a field of this case type's forms` });
    } else if (root === 'names' && (rest.length !== 1 || !NAMED_REFS.has(String(fields.get(rest[0]!)?.['x-ref'])))) {
      issues.push({ pointer: '', code: 'unknown-template-variable', message: `${at(node)}: names.${rest.join('.')} is not a house, resident or staff field of this case type's forms` });
    }
  };
  const checkHelper = (name: string, node: hbs.AST.Node) => {
    if (!helpers.has(name)) issues.push({ pointer: '', code: 'unknown-template-helper', message: `${at(node)}: unknown helper "${name}"` });
  };
  const visitExpr = (expr: hbs.AST.Expression, scoped: boolean) => {
    if (expr.type === 'PathExpression') checkPath(expr as hbs.AST.PathExpression, scoped);
    else if (expr.type === 'SubExpression') visitCall(expr as hbs.AST.SubExpression, scoped);
  };
  const visitCall = (node: hbs.AST.MustacheStatement | hbs.AST.SubExpression | hbs.AST.BlockStatement, scoped: boolean) => {
    const path = node.path as hbs.AST.PathExpression;
    const isCall = node.params.length > 0 || (node.hash?.pairs.length ?? 0) > 0 || node.type !== 'MustacheStatement';
    if (isCall && path.type === 'PathExpression') checkHelper(path.original, node);
    else visitExpr(node.path as hbs.AST.Expression, scoped);
    for (const p of node.params) visitExpr(p, scoped);
    for (const pair of node.hash?.pairs ?? []) visitExpr(pair.value, scoped);
  };
  const visitProgram = (program: hbs.AST.Program | undefined, scoped: boolean) => {
    for (const stmt of program?.body ?? []) visitStatement(stmt as Node, scoped);
  };
  const visitStatement = (stmt: Node, scoped: boolean) => {
    switch (stmt.type) {
      case 'MustacheStatement': {
        const m = stmt as unknown as hbs.AST.MustacheStatement;
        if (!m.escaped) issues.push({ pointer: '', code: 'unescaped-output', message: `${at(m)}: unescaped output ({{{ }}} or {{& }}) is not allowed in documents` });
        visitCall(m, scoped);
        break;
      }
      case 'BlockStatement': {
        const b = stmt as unknown as hbs.AST.BlockStatement;
        visitCall(b, scoped);
        const name = (b.path as hbs.AST.PathExpression).original;
        visitProgram(b.program, scoped || SCOPING_BLOCKS.has(name));
        visitProgram(b.inverse, scoped);
        break;
      }
      case 'PartialStatement':
      case 'PartialBlockStatement':
      case 'DecoratorBlock':
      case 'Decorator':
        issues.push({ pointer: '', code: 'template-partial', message: `${at(stmt)}: partials and decorators are not supported in documents` });
        break;
      default:
        break;
    }
  };
  visitProgram(ast, false);
  return issues;
}
