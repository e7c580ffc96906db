package org.mentorhub;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** MentorHub: one platform for company and university mentoring programs. */
@SpringBootApplication
public class MentorHubApplication {

	public static void main(String[] args) {
		SpringApplication.run(MentorHubApplication.class, args);
	}

}
