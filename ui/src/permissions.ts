import { appState } from './app-state.js';

/** Whether the logged-in user's roles (or the roles merged into them) carry a permission: the server's answer, from /api/app-config. */
export function userHasPermission(permission: string | undefined): boolean {
  if (!permission) return true;
  const { permissions } = appState();
  return permissions.includes(permission) || permissions.includes('*');
}
