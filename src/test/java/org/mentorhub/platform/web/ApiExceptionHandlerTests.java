package org.mentorhub.platform.web;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.mentorhub.platform.TooManyRequestsException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

class ApiExceptionHandlerTests {

	@Test
	void aRateLimitThrownByAServiceBecomes429WithRetryAfter() {
		ResponseEntity<ProblemDetail> response = new ApiExceptionHandler()
			.tooManyRequests(new TooManyRequestsException(Duration.ofMillis(41_200)));

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		assertThat(response.getHeaders().getFirst("Retry-After")).isEqualTo("42");
		assertThat(response.getBody().getDetail()).isEqualTo("You have done this too often. Try again in 42 seconds.");
	}

}
