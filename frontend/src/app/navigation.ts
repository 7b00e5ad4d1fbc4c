import { hasAnyRole, type Role } from '../auth/roles';
import type { AppRoute, NavSection } from '../routes';

export function canOpen(route: Pick<AppRoute, 'roles'>, userRoles: readonly Role[]): boolean {
  return hasAnyRole(userRoles, route.roles);
}

/** The routes the sidebar lists in `section` for a user with `userRoles`, in route-table order. */
export function navRoutes<R extends Pick<AppRoute, 'roles' | 'nav'>>(
  allRoutes: readonly R[],
  userRoles: readonly Role[],
  section: NavSection,
): R[] {
  return allRoutes.filter((route) => route.nav === section && canOpen(route, userRoles));
}
