package org.isu.clearance.document;

import java.nio.file.Files;
import java.nio.file.Path;

import org.camunda.bpm.engine.ManagementService;
import org.isu.clearance.ModuleTest;
import org.isu.clearance.registry.Registry;
import org.isu.clearance.request.ExtensionRequests;
import org.isu.clearance.request.RequestFixtures;
import org.isu.clearance.request.RequestDocuments;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The document module with the module whose beans it needs (notification) and the request
 * whose record it keeps, with what the request needs (review, registry, identity,
 * calendar, the shared cluster lock) and the request's model only: a file uploaded to a
 * request's record is kept with its checksum, answers the request's question whether the
 * State's request is in the record, and stops answering once withdrawn.
 */
@ModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES,
		extraIncludes = { "request", "review", "registry", "calendar", "identity", "shared" })
@TestPropertySource(properties = { "camunda.bpm.auto-deployment-enabled=true",
		"camunda.bpm.deployment-resource-pattern=classpath*:bpmn/extension-request.bpmn,classpath*:forms/**/*.form" })
class DocumentModuleTests {

	@Autowired
	private Registry registry;

	@Autowired
	private ExtensionRequests requests;

	@Autowired
	private ManagementService management;

	@Autowired
	private Documents documents;

	@Autowired
	private RequestDocuments record;

	@Test
	void keepsARequestsDocumentAndAnswersTheRequestsQuestions() throws Exception {
		RequestFixtures.state(this.registry, "TUV", "2028-11-01");
		String key = RequestFixtures.startRequest(this.requests, this.management, "TUV", "2031-11-01", "2026-11-20");
		assertThat(this.record.hasStatesRequest(key)).isFalse();

		Document uploaded = DocumentFixtures.attach(this.documents, key, "request", "en");

		assertThat(this.record.hasStatesRequest(key)).isTrue();
		assertThat(this.record.of(key)).singleElement().satisfies((document) -> {
			assertThat(document.sha256()).isEqualTo(uploaded.sha256());
			assertThat(document.withdrawn()).isFalse();
		});
		Path copy = this.documents.verifiedCopy(uploaded);
		assertThat(copy).hasSize(uploaded.size());
		Files.delete(copy);

		this.documents.withdraw(uploaded.id(), "isu-officer", "Sent to the wrong request.");
		assertThat(this.record.hasStatesRequest(key)).isFalse();
	}

}
