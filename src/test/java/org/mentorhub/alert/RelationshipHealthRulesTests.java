package org.mentorhub.alert;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.mentorhub.alert.RelationshipHealthRules.Assessment;
import org.mentorhub.alert.RelationshipHealthRules.Expectation;
import org.mentorhub.mentorship.ActiveMentorships.ActivePair;
import org.mentorhub.session.SessionCadence.Cadence;

import static org.assertj.core.api.Assertions.assertThat;

/** The health rules without Spring: the cadence against the expectation, and each other signal, in words. */
class RelationshipHealthRulesTests {

	static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

	static final Expectation EVERY_14_DAYS = new Expectation(14, 7);

	static ActivePair pairSince(int daysAgo) {
		return new ActivePair(1, 2, 3L, 4, 5, NOW.minus(Duration.ofDays(daysAgo)));
	}

	static Cadence completedDaysAgo(int days) {
		return new Cadence(1, NOW.minus(Duration.ofDays(days)), 0, 0, 0, 0, 0, null, 0);
	}

	static Assessment assess(ActivePair pair, Cadence cadence) {
		return RelationshipHealthRules.assess(pair, cadence, EVERY_14_DAYS, 90, 3, NOW);
	}

	@Test
	void aNewPairIsHealthyUntilItsFirstSessionIsDue() {
		Assessment health = assess(pairSince(5), Cadence.none(1));
		assertThat(health.status()).isEqualTo(RelationshipHealthStatus.HEALTHY);
		assertThat(health.reasons()).containsExactly(
				"The mentorship began 5 days ago; the first session is expected within 14 days.");
	}

	@Test
	void theCadenceDecidesBetweenHealthyAtRiskAndStalled() {
		assertThat(assess(pairSince(200), completedDaysAgo(10)).status()).isEqualTo(RelationshipHealthStatus.HEALTHY);
		Assessment late = assess(pairSince(200), completedDaysAgo(20));
		assertThat(late.status()).isEqualTo(RelationshipHealthStatus.AT_RISK);
		assertThat(late.reasons()).containsExactly(
				"The last session was completed 20 days ago (expected one every 14 days); none is planned.");
		Assessment stalled = assess(pairSince(200), completedDaysAgo(29));
		assertThat(stalled.status()).isEqualTo(RelationshipHealthStatus.STALLED);
		assertThat(stalled.reasons()).containsExactly(
				"No session completed in 29 days (expected one every 14 days), and none is planned.");
		assertThat(assess(pairSince(40), Cadence.none(1)).reasons()).containsExactly(
				"No session completed since the mentorship began 40 days ago (expected one every 14 days), and none is planned.");
	}

	@Test
	void aPlannedSessionIsNeitherLateNorStalled() {
		Cadence planned = new Cadence(1, NOW.minus(Duration.ofDays(60)), 1, 0, 0, 0, 0, null, 0);
		Assessment health = assess(pairSince(200), planned);
		assertThat(health.status()).isEqualTo(RelationshipHealthStatus.HEALTHY);
		assertThat(health.reasons()).containsExactly("A session is planned.");
	}

	@Test
	void noShowsCancellationsUnansweredRequestsOverdueItemsAndLowRatingsPutAPairAtRisk() {
		Cadence troubled = new Cadence(1, NOW.minus(Duration.ofDays(3)), 0, 2, 3, 1, 2, 2.5, 4);
		Assessment health = assess(pairSince(200), troubled);
		assertThat(health.status()).isEqualTo(RelationshipHealthStatus.AT_RISK);
		assertThat(health.reasons()).containsExactly(
				"Sessions on schedule: the last one was completed 3 days ago (expected one every 14 days).",
				"2 sessions missed (no-shows) in the last 90 days.", "3 sessions cancelled in the last 90 days.",
				"A session request is waiting for an answer for more than 3 days.", "2 action items are overdue.",
				"Feedback ratings average 2.5 of 5 over 4 ratings in the last 90 days.");
	}

	@Test
	void oneNoShowOneOverdueItemOrASingleLowRatingIsNoSignal() {
		Cadence minor = new Cadence(1, NOW.minus(Duration.ofDays(3)), 0, 1, 1, 0, 1, 1.0, 1);
		assertThat(assess(pairSince(200), minor).status()).isEqualTo(RelationshipHealthStatus.HEALTHY);
	}

	@Test
	void theWorstSignalDecides() {
		Cadence stalledAndTroubled = new Cadence(1, NOW.minus(Duration.ofDays(40)), 0, 2, 0, 0, 0, null, 0);
		assertThat(assess(pairSince(200), stalledAndTroubled).status()).isEqualTo(RelationshipHealthStatus.STALLED);
		assertThat(RelationshipHealthStatus.of("at_risk")).contains(RelationshipHealthStatus.AT_RISK);
		assertThat(RelationshipHealthStatus.of("sick")).isEmpty();
	}

}
