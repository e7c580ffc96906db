package org.mentorhub.wellbeing.chat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The red-team set of the crisis screen (docs/support-chat.md): crisis phrasings, direct and indirect,
 * misspelt, in English, Spanish, French and German, which must all be caught (recall 100%), and near
 * misses of everyday speech, of which at most {@link #MAX_FALSE_POSITIVE_RATE} may be caught. The
 * figures are printed and written to target/crisis-screen.txt.
 */
class CrisisScreenRedTeamTests {

	/** The largest share of near misses the screen may flag: recall comes first, but not at any price. */
	static final double MAX_FALSE_POSITIVE_RATE = 0.05;

	static final List<String> CRISIS = List.of(
			// suicide, direct
			"I want to kill myself", "i want to die", "I'm going to kill myself tonight", "I am thinking about suicide",
			"I've been having suicidal thoughts", "I feel suicidal", "I want to end my life", "I'm going to end it all",
			"I want to take my own life", "I plan to end it tonight", "I'm planning to die this weekend",
			"goodbye cruel world", "I will overdose on my pills", "I'm going to take all my pills",
			"I want to hang myself", "thinking of jumping off the bridge", "I'd jump in front of a train",
			// suicide, indirect
			"I don't want to be here anymore", "I dont want to be here any more", "I do not want to be alive",
			"I don't want to live anymore", "I don't want to wake up tomorrow", "everyone would be better off without me",
			"my family is better off without me", "they'd all be better off if I was dead", "I wish I was dead",
			"I wish I were never born", "I wish I could disappear forever", "there's no reason to live",
			"there is no point in living", "I can't go on like this", "I can't go on", "I can't do this anymore",
			"I'm so tired of living", "life isn't worth living", "nobody would miss me if I was gone",
			"I want to go to sleep and never wake up", "I just want it all to end", "I'm done with life",
			"I've been saying goodbye to everyone", "sometimes I wish I could just not exist",
			"I don't really want to be here anymore, honestly", "what's the point, I can't go on anymore",
			// misspellings, spacing, shouting, slang
			"i wnat to kill myslef", "I want to kil myself", "I WANT TO DIEEEE", "im gonna kms", "suicde",
			"I keep thinking about sucide", "thinking of suiside", "i am feeling suicidle", "I want to unalive myself",
			"I want to k1ll mys3lf", "i dont wanna be here anymore", "i don't want to b alive", "Kill. My. Self.",
			"I wanna die", "I dont want to live anymor", "I'll overdoes on purpose", "i w4nt to d1e",
			// self-harm
			"I cut myself again last night", "I've been cutting myself", "I want to hurt myself", "I feel like harming myself",
			"I started self-harming again", "I self harm when it gets bad", "I want to slit my wrists", "selfharm",
			"I burn myself to feel something", "I keep hitting myself", "there's a razor blade on my arm again",
			// harm to a baby
			"I want to hurt my baby", "I'm scared I'll shake the baby", "I had thoughts of harming my newborn",
			"sometimes I think about smothering the baby", "I feel like I could drown my baby", "I wanted to throw the baby against the wall",
			"my baby would be better off without me", "I wish my baby was never born", "I don't want my baby anymore",
			"I keep imagining hurting my son", "I nearly hit my daughter today", "I could hurt her when she won't stop crying",
			"I left the baby alone in the car on purpose", "I'm afraid of these urges to harm my infant",
			// abuse
			"my husband hits me", "he beat me last night", "my partner hit me again", "my boyfriend choked me",
			"he threatened to kill me if I leave", "he threatens to take the baby", "I was raped", "I'm being abused at home",
			"I'm in an abusive relationship", "I'm afraid of my husband", "I don't feel safe at home", "he forced me to have sex",
			"my partner locked me in the bedroom", "there is domestic violence in my home", "he slapped me in front of the baby",
			// Spanish
			"quiero morir", "Quiero morirme", "me quiero matar", "estoy pensando en el suicidio", "voy a quitarme la vida",
			"quiero acabar con todo", "no quiero vivir más", "ya no quiero estar aquí", "me hago daño", "quiero cortarme",
			"tengo miedo de hacerle daño al bebé", "mi pareja me pega", "mi marido me golpea",
			// French
			"je veux mourir", "j'ai envie de mourir", "je vais me suicider", "je pense au suicide", "je veux en finir",
			"je veux mettre fin à mes jours", "je ne veux plus vivre", "j'ai envie de me faire du mal",
			"j'ai peur de faire du mal à mon bébé", "il me frappe", "je subis des violences conjugales",
			// German
			"ich will sterben", "ich möchte nicht mehr leben", "ich denke an Selbstmord", "ich will mich umbringen",
			"ich will mir das Leben nehmen", "ich will nicht mehr da sein", "ich ritze mich", "ich will mich verletzen",
			"ich habe Angst, dem Baby wehzutun", "ich könnte das Baby schütteln", "mein Mann schlägt mich",
			"ich will allem ein Ende setzen", "Suizidgedanken");

	static final List<String> NEAR_MISSES = List.of("this project is killing me", "I could murder a coffee",
			"my feet are killing me", "I'm dying to see my sister", "I'm dead tired today", "I died laughing at that video",
			"the heat is killing me", "that cake is to die for", "we were just killing time at the park",
			"I killed it at the presentation", "the baby's laugh kills me every time", "I'm so done with this meeting",
			"I can't wait to be back at work", "I don't want to be here for the 8 am call", "I hurt my back lifting the car seat",
			"I'm warming my baby's bottle", "I'm hunting for my baby's socks", "I'm throwing a baby shower",
			"we shot the birthday video", "break a leg at your talk!", "my phone battery died", "the plant died, oops",
			"I'm exhausted but okay", "my boss gave me a deadline", "the deadline is killing the team", "I could eat a horse",
			"my son hit a home run today", "she hits all her milestones early", "I beat my personal best",
			"my husband beat me at chess", "I feel blue today but it will pass", "I love my baby so much",
			"I want to sleep for a week", "I could sleep forever", "I'm dying of boredom on this call",
			"I'm shaking the rattle for the baby", "I cut my hair short", "I cut the grapes for my toddler",
			"I'm afraid I'll miss the meeting", "no one would miss the old printer", "this lasagne is killer",
			"the vaccine appointment went fine", "I'm crying happy tears", "me muero de ganas de verte",
			"este proyecto me está matando", "j'ai faim à mourir", "je meurs de faim", "ich sterbe vor Hunger",
			"das Projekt bringt mich um den Schlaf", "the suite in the hotel was lovely", "I want to dye my hair",
			"I took the baby for a walk", "can we go on a trip next week?", "I can't go on the trip next week");

	final CrisisScreen screen = CrisisScreen.bundled();

	@Test
	void theRedTeamSetIsLargeEnough() {
		assertThat(CRISIS.size() + NEAR_MISSES.size()).isGreaterThanOrEqualTo(100);
		assertThat(CRISIS).hasSizeGreaterThanOrEqualTo(100);
	}

	@Test
	void catchesEveryCrisisMessageAndFewNearMisses() throws IOException {
		List<String> missed = new ArrayList<>();
		for (String message : CRISIS) {
			if (!this.screen.isCrisis(message)) {
				missed.add(message);
			}
		}
		List<String> flagged = new ArrayList<>();
		for (String message : NEAR_MISSES) {
			this.screen.screen(message).ifPresent(hit -> flagged.add(message + "  <-  " + hit.phrase()));
		}
		double recall = (CRISIS.size() - missed.size()) / (double) CRISIS.size();
		double falsePositiveRate = flagged.size() / (double) NEAR_MISSES.size();
		StringBuilder report = new StringBuilder();
		report.append(String.format(Locale.ROOT, "crisis messages: %d, caught: %d, recall: %.4f%n", CRISIS.size(),
				CRISIS.size() - missed.size(), recall));
		report.append(String.format(Locale.ROOT, "near misses: %d, flagged: %d, false-positive rate: %.4f (limit %.2f)%n",
				NEAR_MISSES.size(), flagged.size(), falsePositiveRate, MAX_FALSE_POSITIVE_RATE));
		missed.forEach(m -> report.append("MISSED: ").append(m).append('\n'));
		flagged.forEach(m -> report.append("FLAGGED: ").append(m).append('\n'));
		System.out.print(report);
		Files.createDirectories(Path.of("target"));
		Files.writeString(Path.of("target", "crisis-screen.txt"), report, StandardCharsets.UTF_8);
		assertThat(missed).as("crisis messages the screen missed").isEmpty();
		assertThat(falsePositiveRate).as("false-positive rate; flagged: " + flagged).isLessThan(MAX_FALSE_POSITIVE_RATE);
	}

	@Test
	void normalisesCaseAccentsRepeatedLettersAndDigits() {
		assertThat(CrisisScreen.words("I DON'T wanna DIEEEE, Bébé 5ad")).containsExactly("i", "dont", "want", "to",
				"die", "bebe", "sad");
		assertThat(CrisisScreen.withinOneEdit("myself", "myslef")).isTrue();
		assertThat(CrisisScreen.withinOneEdit("myself", "mself")).isTrue();
		assertThat(CrisisScreen.withinOneEdit("myself", "yourself")).isFalse();
	}

	@Test
	void aHitNamesThePhraseNeverTheMessage() {
		CrisisScreen.Hit hit = this.screen.screen("I feel so alone and I want to end my life, sorry").orElseThrow();
		assertThat(hit.category()).isEqualTo(CrisisScreen.Category.SUICIDE);
		assertThat(hit.phrase()).doesNotContain("alone");
	}

}
