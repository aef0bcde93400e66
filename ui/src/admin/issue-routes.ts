/**
 * Where the control for a document pointer lives: the editor page and its query, with
 * `focus=<pointer>` so the page opens the right form / workflow / rule and focuses the control.
 */
import { href, type AdminSection } from '../router.js';
import { draft } from './draft-store.js';
import { tokensOf } from './patch.js';
import { settingsSectionOf } from './admin-sections.js';
import { companyBundleId } from './company-types.js';

export function issueHref(ptr: string): { section: AdminSection; href: string } {
  const t = tokensOf(ptr);
  if (t[0] === 'document') t.shift();
  let project: string | undefined;
  if (t[0] === 'projects' && t[1]) {
    project = t[1];
    t.splice(0, 2);
  }
  const go = (section: AdminSection, query: Record<string, string | undefined> = {}) => ({
    section,
    href: href(`/admin/${section}`, { ...query, project, focus: ptr }),
  });
  if (t[0] === 'roles') return go('roles');
  if (t[0] === 'calendar') return go('calendar');
  if (t[0] === 'caseTypes' && t[1]) {
    // the company's own type, edited as its bundle (company-types.ts)
    const plugin = companyBundleId(t[1]);
    switch (t[2]) {
      case 'workflow': return go('workflow', { plugin, caseType: t[1] });
      case 'forms': return go('forms', { plugin, form: t[3] });
      case 'ui': return go('forms', { plugin, form: t[3] ? draft.decl<{ form?: string }>(plugin, 'ui', t[3], null)?.form ?? t[3] : undefined });
      case 'rules': return go('rules', { plugin, rule: t[3] });
      case 'templates': return go('print', { plugin });
      default: return go('workflow', { plugin, caseType: t[1] });
    }
  }
  if (t[0] === 'plugins' && t[1]) {
    const plugin = t[1];
    const name = t[3];
    switch (t[2]) {
      case 'workflows': return go('workflow', { plugin, caseType: name });
      case 'forms': return go('forms', { plugin, form: name });
      case 'ui': {
        const form = name ? draft.decl<{ form?: string }>(plugin, 'ui', name, project ?? null)?.form ?? name : undefined;
        return go('forms', { plugin, form });
      }
      case 'rules': return go('rules', { plugin, rule: name });
      case 'templates': return go('print', { plugin });
      case 'config': {
        const owner = settingsSectionOf(plugin);
        if (owner) return go(owner.id);
        break;
      }
      default: break;
    }
  }
  return { section: 'review', href: href('/admin/review') };
}
