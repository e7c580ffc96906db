package bench;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** A bare Spring MVC endpoint that returns a constant: the start-up baseline. */
@SpringBootApplication
@RestController
public class BareEndpointApplication {

	public static void main(String[] args) {
		SpringApplication.run(BareEndpointApplication.class, args);
	}

	@GetMapping("/")
	String constant() {
		return "ok";
	}

}
