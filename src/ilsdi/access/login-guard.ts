import bcrypt from 'bcryptjs';
import type { PatronCredentials } from '../../store/circulation-types.js';
import type { ServiceContext } from '../context.js';

export type LoginOutcome =
  | { readonly kind: 'ok'; readonly borrowernumber: number }
  | { readonly kind: 'password-expired' }
  | { readonly kind: 'failed' }
  | { readonly kind: 'client-blocked' };

/** A hash to compare against when there is no patron, so a miss costs what a hit costs. */
let decoy: string | undefined;
function decoyHash(rounds: number): string {
  decoy ??= bcrypt.hashSync('libgate-decoy-password', rounds);
  return decoy;
}

/**
 * Koha's checkpw for AuthenticatePatron, guarded against guessing:
 * - per client (API key, else address): more than maxClientLoginFailures failures in the window and
 *   the client is refused before any password is checked;
 * - per patron (Koha FailedLoginAttempts): at maxLoginFailures consecutive failures the patron is
 *   locked; a locked patron fails even with the right password (Koha answers PatronNotFound), until
 *   lockoutMinutes have passed or `libgate unlock-patron` clears it.
 * Every attempt that reaches a patron costs one bcrypt comparison, found or not.
 */
export async function checkLogin(context: ServiceContext, username: string, password: string): Promise<LoginOutcome> {
  const { deps, instant, now } = context;
  const access = deps.config.ilsdi.access;
  const windowMs = access.clientLoginWindowMinutes * 60_000;
  const clientKey = context.client.counterKey;
  if (access.maxClientLoginFailures > 0 && (await deps.store.access.clientFailures(clientKey, instant, windowMs)) >= access.maxClientLoginFailures) {
    return { kind: 'client-blocked' };
  }
  const credentials = username === '' ? undefined : await deps.store.patrons.findLogin(username);
  const matches = await bcrypt.compare(password, normaliseHash(credentials?.passwordHash) ?? decoyHash(deps.config.ilsdi.passwordHashRounds));
  const lock = lockState(credentials, context);
  if (credentials && credentials.passwordHash && matches && !lock.locked) {
    if (credentials.passwordExpirationDate && credentials.passwordExpirationDate < now.today) return { kind: 'password-expired' };
    await deps.store.patrons.recordLoginSuccess(credentials.borrowernumber, now.dateTime);
    return { kind: 'ok', borrowernumber: credentials.borrowernumber };
  }
  if (credentials) await deps.store.patrons.recordLoginFailure(credentials.borrowernumber, instant, lock.expired);
  await deps.store.access.recordClientFailure(clientKey, instant, windowMs);
  return { kind: 'failed' };
}

function lockState(credentials: PatronCredentials | undefined, context: ServiceContext): { locked: boolean; expired: boolean } {
  const access = context.deps.config.ilsdi.access;
  if (!credentials || access.maxLoginFailures === 0 || credentials.loginAttempts < access.maxLoginFailures) return { locked: false, expired: false };
  if (access.lockoutMinutes > 0 && credentials.lastFailedLogin
      && context.instant.getTime() - credentials.lastFailedLogin.getTime() >= access.lockoutMinutes * 60_000) {
    return { locked: false, expired: true };
  }
  return { locked: true, expired: false };
}

/** PHP and Koha exports write bcrypt as $2y$, which is the same algorithm as $2b$. */
function normaliseHash(hash: string | undefined): string | undefined {
  return hash?.startsWith('$2y$') ? `$2b$${hash.slice(4)}` : hash;
}

export async function hashPassword(password: string, rounds: number): Promise<string> {
  return bcrypt.hash(password, rounds);
}
