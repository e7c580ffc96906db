package org.mentorhub.platform.privacy;

import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Component;

/** Every module's {@link PrivacyProvider}, in module order; the one place the privacy features find them. */
@Component
public class PrivacyProviders {

	private final List<PrivacyProvider> providers;

	PrivacyProviders(List<PrivacyProvider> providers) {
		this.providers = providers.stream().sorted(Comparator.comparing(PrivacyProvider::module)).toList();
	}

	public List<PrivacyProvider> all() {
		return this.providers;
	}

	/** The providers in the order erasure runs them (identity last). */
	public List<PrivacyProvider> inErasureOrder() {
		return this.providers.stream().sorted(Comparator.comparingInt(PrivacyProvider::erasureOrder)).toList();
	}

}
