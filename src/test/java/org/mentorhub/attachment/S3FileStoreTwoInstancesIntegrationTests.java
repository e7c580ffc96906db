package org.mentorhub.attachment;

import java.util.List;

import org.mentorhub.MentorHubIntegrationTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link FileStoreTwoInstancesTests} with the S3 store on both instances, against s3proxy. */
@MentorHubIntegrationTest
class S3FileStoreTwoInstancesIntegrationTests extends FileStoreTwoInstancesTests {

	@DynamicPropertySource
	static void s3(DynamicPropertyRegistry registry) {
		for (String property : S3StandIn.properties()) {
			int equals = property.indexOf('=');
			registry.add(property.substring(0, equals), () -> property.substring(equals + 1));
		}
	}

	@Override
	List<String> storeProperties() {
		return S3StandIn.properties();
	}

}
