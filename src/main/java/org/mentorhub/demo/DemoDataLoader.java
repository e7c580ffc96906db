package org.mentorhub.demo;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;

import org.mentorhub.platform.DemoContext;
import org.mentorhub.platform.DemoSeed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads two demo institutions, a university and a company, with people of every role and a few
 * months of activity, by running every module's {@link DemoSeed} in order: each module writes its
 * own rows. Loading is idempotent (it does nothing when a seed reports its rows there already) and
 * runs in one transaction, so a failure leaves nothing half-written. Random choices come from one
 * source with a fixed seed, so every fresh demo looks the same.
 */
class DemoDataLoader {

	private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

	private static final long RANDOM_SEED = 20261121L;

	private final List<DemoSeed> seeds;

	private final TransactionTemplate transactions;

	private final DemoProperties properties;

	private final Clock clock;

	DemoDataLoader(List<DemoSeed> seeds, TransactionTemplate transactions, DemoProperties properties, Clock clock) {
		this.seeds = seeds.stream().sorted(Comparator.comparingInt(DemoSeed::order)).toList();
		this.transactions = transactions;
		this.properties = properties;
		this.clock = clock;
	}

	/** Loads the demo unless it is there already, then prints the demo logins. */
	void loadAndPrintLogins() {
		try {
			boolean loaded = Boolean.TRUE.equals(this.transactions.execute(status -> loadIfAbsent()));
			log.info(loaded ? "Demo data loaded." : "Demo data already present; nothing loaded.");
		}
		catch (DuplicateKeyException ex) {
			// Another instance loaded it at the same moment; its transaction won.
			log.info("Demo data was loaded by another instance.");
		}
		printLogins();
	}

	/** Loads the demo in the current transaction; returns false when it exists already. */
	boolean loadIfAbsent() {
		if (this.seeds.stream().anyMatch(DemoSeed::alreadySeeded)) {
			return false;
		}
		LocalDateTime now = LocalDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
		DemoContext demo = new DemoContext(now, RANDOM_SEED, this.properties.password());
		for (DemoSeed seed : this.seeds) {
			seed.seed(demo);
		}
		return true;
	}

	/** The seeds, in the order they run. */
	List<DemoSeed> seeds() {
		return this.seeds;
	}

	List<DemoLogin> logins() {
		return List.of(new DemoLogin("Platform administrator", "platform@mentorhub.demo", "(all institutions)"),
				new DemoLogin("Administrator", "admin@northbridge.demo", "Northbridge University"),
				new DemoLogin("Coordinator", "coordinator@northbridge.demo", "Northbridge University, Computer Science"),
				new DemoLogin("Mentor", "mentor@northbridge.demo", "Northbridge University"),
				new DemoLogin("Student (mentee)", "student@northbridge.demo", "Northbridge University"),
				new DemoLogin("Administrator", "admin@acme.demo", "Acme Digital"),
				new DemoLogin("Mentor", "mentor@acme.demo", "Acme Digital"),
				new DemoLogin("Mentee", "mentee@acme.demo", "Acme Digital"),
				new DemoLogin("New mother", "mother@acme.demo", "Acme Digital"));
	}

	private void printLogins() {
		StringBuilder box = new StringBuilder("\n\n  MentorHub demo logins (password for all: ").append(this.properties.password())
			.append(")\n  Demo data only: set mentorhub.demo.enabled=false in production.\n\n");
		for (DemoLogin login : logins()) {
			box.append(String.format("    %-24s %-32s %s%n", login.role(), login.email(), login.institution()));
		}
		log.info(box.toString());
	}

}
