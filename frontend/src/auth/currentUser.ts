import { createContext, useContext } from 'react';

import type { CurrentUserDto } from '../api/types';
import { hasAnyRole, isRole, type Role } from './roles';

export interface CurrentUser {
  username: string;
  name: string | null;
  email: string | null;
  /** Only Ferry's roles; the token's other roles (offline_access and the like) mean nothing here. */
  roles: Role[];
  tenantId: string | null;
  /** Platform users (platform-admin, porting-desk) work across tenants and pick one in the masthead. */
  platform: boolean;
}

export function toCurrentUser(dto: CurrentUserDto): CurrentUser {
  return { ...dto, roles: dto.roles.filter(isRole) };
}

export const CurrentUserContext = createContext<CurrentUser | null>(null);

/** The signed-in user. Only components rendered after sign-in may call it. */
export function useCurrentUser(): CurrentUser {
  const user = useContext(CurrentUserContext);
  if (user === null) {
    throw new Error('useCurrentUser called outside the signed-in part of the dashboard');
  }
  return user;
}

/** The path the sign-in page goes to; the service sends the browser back to `redirect` once signed in. */
export function signInUrl(location: Pick<Location, 'pathname' | 'search'>): string {
  return `/login?redirect=${encodeURIComponent(location.pathname + location.search)}`;
}

export const SIGN_OUT_URL = '/logout';

/** Whether the signed-in user holds one of `roles`; used to hide actions the service would refuse. */
export function useHasAnyRole(roles: readonly Role[]): boolean {
  return hasAnyRole(useCurrentUser().roles, roles);
}
