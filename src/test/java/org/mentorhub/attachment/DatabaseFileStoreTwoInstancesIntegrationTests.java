package org.mentorhub.attachment;

import java.util.List;

import org.mentorhub.MentorHubIntegrationTest;
import org.springframework.test.context.TestPropertySource;

/** {@link FileStoreTwoInstancesTests} with the database store on both instances. */
@MentorHubIntegrationTest
@TestPropertySource(properties = "mentorhub.files.store=database")
class DatabaseFileStoreTwoInstancesIntegrationTests extends FileStoreTwoInstancesTests {

	@Override
	List<String> storeProperties() {
		return List.of("mentorhub.files.store=database");
	}

}
