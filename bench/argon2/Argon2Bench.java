import java.util.Arrays;

import org.mentorhub.identity.PasswordHashing;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Times one password verification with MentorHub's argon2id (m=19456 KiB, t=2, p=1) and, as the
 * baseline in the same run, bcrypt at Spring's default cost 10. Prints medians and p90 in ms.
 */
public class Argon2Bench {

	public static void main(String[] args) {
		int runs = args.length > 0 ? Integer.parseInt(args[0]) : 41;
		String password = "correct horse battery staple";
		PasswordEncoder argon2 = new PasswordHashing();
		PasswordEncoder bcrypt = new BCryptPasswordEncoder();
		String argonHash = argon2.encode(password);
		String bcryptHash = bcrypt.encode(password);
		double[] a = new double[runs];
		double[] b = new double[runs];
		for (int i = 0; i < 5; i++) {
			argon2.matches(password, argonHash);
			bcrypt.matches(password, bcryptHash);
		}
		for (int i = 0; i < runs; i++) {
			a[i] = time(argon2, password, argonHash);
			b[i] = time(bcrypt, password, bcryptHash);
		}
		Arrays.sort(a);
		Arrays.sort(b);
		System.out.printf("hash_prefix %s%n", argonHash.substring(0, 31));
		System.out.printf("runs %d (alternating, after 5 warm-up rounds)%n", runs);
		System.out.printf("argon2id_verify_ms median=%.1f p90=%.1f min=%.1f%n", a[runs / 2], a[runs * 9 / 10], a[0]);
		System.out.printf("bcrypt10_verify_ms median=%.1f p90=%.1f min=%.1f%n", b[runs / 2], b[runs * 9 / 10], b[0]);
		System.out.printf("ratio argon2id/bcrypt10 (median) = %.2f%n", a[runs / 2] / b[runs / 2]);
	}

	static double time(PasswordEncoder encoder, String password, String hash) {
		long start = System.nanoTime();
		if (!encoder.matches(password, hash)) {
			throw new IllegalStateException("verification failed");
		}
		return (System.nanoTime() - start) / 1e6;
	}

}
