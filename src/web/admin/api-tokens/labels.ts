import type { ApiToken } from '../../../shared/api/api-tokens.ts';

export const accessLabels: Record<ApiToken['access'], string> = {
  read: 'Read only',
  write: 'Read and write',
};

export function tokenState(token: ApiToken, now = Date.now()): 'Active' | 'Revoked' | 'Expired' {
  if (token.revokedAt) return 'Revoked';
  if (token.expiresAt && Date.parse(token.expiresAt) <= now) return 'Expired';
  return 'Active';
}
