import { appState } from '../app-state.js';

/**
 * The plugin an editor page opens when the address names none: the one whose case type the
 * company lists first among those with something to edit, else the first in the list.
 */
export function defaultPlugin(candidates: readonly string[]): string {
  return appState().caseTypes.find((c) => candidates.includes(c.pluginId))?.pluginId ?? candidates[0] ?? '';
}
