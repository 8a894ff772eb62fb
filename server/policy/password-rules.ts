// What a password must be to be accepted for an account.

export const MIN_PASSWORD_LENGTH = 12;
