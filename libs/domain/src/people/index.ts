export * from './people-rules';
export * from './email-address';
export * from './password-policy';
export * from './person-roles';
export * from './sign-in-lockout';
export * from './session-lifetime';
export * from './session-token';
