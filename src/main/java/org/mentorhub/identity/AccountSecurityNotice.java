package org.mentorhub.identity;

import java.time.Instant;

/**
 * Published for each security-relevant step of a person's account, in the transaction that took it
 * (a sign-in lockout in a transaction of its own), so that the owner can be told. Only the account's id
 * and the kind of step: never a password, token, hash, address or answer.
 * @param userId the account's owner
 * @param kind what happened
 * @param occurredAt when
 */
public record AccountSecurityNotice(long userId, SecurityNoticeKind kind, Instant occurredAt) {
}
