// What a tab API route is: its name and path, who may call it, and its handler. The bearer token
// and the role are checked by api/http.ts before any handler runs.
import type { AppDeps } from '../app/deps';
import type { Role } from '../core/workforce';
import type { StoredPerson } from '../store/people';

export type Audience = 'staff' | Role;

export interface ApiCall {
  deps: AppDeps;
  me: StoredPerson;
  params: Record<string, string>;
  body: unknown;
  /** Local mode's dev sign-in is on (the tab shows its banner). */
  devSignIn: boolean;
}

export type ApiResult =
  | { status: number; body: unknown }
  /** A download, answered only to the signed-in caller (never a link someone else could use). */
  | { status: 200; file: { name: string; type: string; bytes: Uint8Array } };

export interface ApiRoute {
  name: string;
  /** Under /api/, as the function's route. */
  route: string;
  method: 'GET' | 'POST';
  audience: Audience;
  handle(call: ApiCall): Promise<ApiResult>;
}

export const ok = <T>(body: T): ApiResult => ({ status: 200, body });
export const download = (name: string, type: string, bytes: Uint8Array): ApiResult => ({ status: 200, file: { name, type, bytes } });
export const badRequest = (errors: string[]): ApiResult => ({ status: 400, body: { errors } });
export const forbidden = (why: string): ApiResult => ({ status: 403, body: { error: why } });
