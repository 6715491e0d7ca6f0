/**
 * Stable ids of the rules about people and their sign-in, cited by errors and tests (the same
 * way rulebook findings cite CN-2.1.1-1).
 */
export const PEOPLE_RULE_IDS = {
  /** An email is trimmed, NFC-normalised and lower-cased; one `@`, a local part and a dotted domain. */
  emailShape: 'PEOPLE-EMAIL-1',
  /** At least 12 characters (code points, so 12 kanji count as 12). */
  passwordLength: 'PEOPLE-PW-1',
  /** Not one character repeated. */
  passwordVariety: 'PEOPLE-PW-2',
  /** Not the email, nor its local part. */
  passwordNotEmail: 'PEOPLE-PW-3',
  /** At most 1024 characters: hashing cost stays bounded whatever is posted. */
  passwordMaxLength: 'PEOPLE-PW-4',
  /** A person's organisation roles are roles of their organisation. */
  rolesOfOrganization: 'PEOPLE-ROLES-1',
  /** `admin` (the registry operator's role) is granted by an administrator or the console only. */
  adminGrantedByAdmin: 'PEOPLE-ROLES-2',
  /** 5 failed sign-ins to one account within 15 min lock it for 15 min. */
  accountLockout: 'PEOPLE-LOCK-1',
  /** 20 failed sign-ins from one source within 15 min pause that source's sign-ins for 15 min. */
  sourceThrottle: 'PEOPLE-LOCK-2',
  /** A session ends after 30 min without use, and 12 h after sign-in whatever happens. */
  sessionLifetime: 'PEOPLE-SESSION-1',
  /** Forms carry a CSRF token derived from the session's secret token, compared in constant time. */
  csrfToken: 'PEOPLE-CSRF-1',
} as const;
