/** Rate limits, in one place: how many tries in which window before the answer is 429. */

const MINUTE = 60_000

export const LIMITS = {
  /**
   * Failed sign-ins on one account from one address: stops guessing from there, without letting
   * someone elsewhere lock the owner out.
   */
  loginFailuresPerAccountAndAddress: { max: 10, windowMs: 15 * MINUTE },
  /** Failed sign-ins on one account from all addresses: caps distributed guessing (the owner can reset by mail). */
  loginFailuresPerAccount: { max: 50, windowMs: 15 * MINUTE },
  /**
   * Sign-in attempts from one address, failed or not: stops spraying many accounts, yet is high
   * enough for a whole crisis team behind one satellite NAT (the account limits carry the rest).
   */
  loginAttemptsPerAddress: { max: 300, windowMs: 15 * MINUTE },
  /** Set-password attempts from one address. */
  passwordPerAddress: { max: 20, windowMs: 15 * MINUTE },
  /** Request changes that send mail (submit, acknowledge, reject, withdraw, revise) by one user. */
  mailingChangesPerUser: { max: 120, windowMs: 15 * MINUTE },
  /** Alert rounds one coordinator may send (each round mails up to 50 people). */
  alertRoundsPerUser: { max: 20, windowMs: 15 * MINUTE },
  /** Visits to one answer link (a visit that answers counts once, not for its GET and its POST). */
  answersPerLink: { max: 20, windowMs: 15 * MINUTE },
  /** Answer-link visits from one address: a guess at a 160-bit secret is hopeless, but stay cheap. */
  answersPerAddress: { max: 600, windowMs: 15 * MINUTE },
  /** Password-reset requests from one client address: stops mailing many people from one place. */
  resetPerAddress: { max: 10, windowMs: 15 * MINUTE },
  /** Password-reset requests for one e-mail address, known or not (the key is the address typed). */
  resetPerAccount: { max: 3, windowMs: 60 * MINUTE },
  /** Invitations one coordinator or admin may send (each is a mail). */
  invitationsPerUser: { max: 60, windowMs: 15 * MINUTE },
  /** Own-password changes (each checks the current password): stops guessing it from a stolen session. */
  passwordChangesPerUser: { max: 10, windowMs: 15 * MINUTE },
} as const

export type LimitName = keyof typeof LIMITS
