import { checkLogin } from '../access/login-guard.js';
import type { ServiceHandler } from '../context.js';
import { IlsdiError } from '../errors.js';

/**
 * AuthenticatePatron: username is a userid or a cardnumber (userid first, as Koha since bug 34893).
 * Success gives the borrowernumber and sets lastseen. Wrong password, unknown or locked patron all
 * answer PatronNotFound; a right password past its expiry date answers PasswordExpired. A client
 * with too many recent failures is refused with NotAllowed (libgate's addition; Koha has no such code).
 */
export const authenticatePatron: ServiceHandler = async (request, context) => {
  const outcome = await checkLogin(context, request.get('username') ?? '', request.get('password') ?? '');
  switch (outcome.kind) {
    case 'ok':
      return { tree: { id: outcome.borrowernumber } };
    case 'password-expired':
      throw new IlsdiError('PasswordExpired');
    case 'client-blocked':
      throw new IlsdiError('NotAllowed', 'Too many failed logins from this client. Try again later.');
    case 'failed':
      throw new IlsdiError('PatronNotFound');
  }
};
