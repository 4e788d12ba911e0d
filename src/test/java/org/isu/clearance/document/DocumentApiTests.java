package org.isu.clearance.document;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.sql.DataSource;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.awaitility.Awaitility;
import org.isu.clearance.ApplicationTest;
import org.isu.clearance.document.DocumentFixtures.RawMultipart;
import org.isu.clearance.registry.Registry;
import org.isu.clearance.request.ExtensionRequestProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The documents API over HTTP: a large PDF round trip byte for byte with its checksum,
 * refused types and sizes (nothing stored), the form's parts in any order, the file
 * stored while it arrives, versions, withdrawal, and who may do what.
 */
@ApplicationTest
class DocumentApiTests {

	private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
	};

	private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
	};

	@Autowired
	private TestRestTemplate rest;

	@Autowired
	private Registry registry;

	@Autowired
	private RuntimeService runtime;

	@Autowired
	private ManagementService management;

	@Autowired
	private IdentityService identity;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private DataSource dataSource;

	@LocalServerPort
	private int port;

	private String businessKey;

	private String rapporteur;

	@BeforeEach
	void startRequest() {
		// a clean record: other tests of the same application context leave documents
		// behind
		this.jdbc.sql("delete from outbox_attachment").update();
		this.jdbc.sql("delete from document_content").update();
		this.jdbc.sql("delete from document").update();
		DocumentFixtures.state(this.registry, "SVN", "2028-11-01");
		ResponseEntity<Map<String, Object>> started = this.rest.withBasicAuth("isu-officer", "demo")
			.exchange("/api/extension-requests", HttpMethod.POST,
					new HttpEntity<>(Map.of("convention", "CCM", "stateCode", "SVN", "requestedDeadline", "2031-11-01",
							"submittedOn", "2026-11-20", "summary", "Three more years.")),
					OBJECT);
		assertThat(started.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		this.businessKey = (String) started.getBody().get("businessKey");
		String instance = (String) started.getBody().get("processInstanceId");
		this.rapporteur = (String) this.runtime.getVariable(instance, ExtensionRequestProcess.RAPPORTEUR);
		if (this.identity.createUserQuery().userId("outsider").count() == 0) {
			User user = this.identity.newUser("outsider");
			user.setPassword("demo");
			user.setEmail("outsider@example.org");
			this.identity.saveUser(user);
		}
	}

	@AfterEach
	void tearDown() {
		this.runtime.createProcessInstanceQuery()
			.processInstanceBusinessKey(this.businessKey)
			.list()
			.forEach((instance) -> this.runtime.deleteProcessInstance(instance.getId(), "test over"));
		this.jdbc.sql("delete from outbox_attachment").update();
		this.jdbc.sql("delete from document_content").update();
		this.jdbc.sql("delete from document").update();
	}

	@Test
	void aTwentyMegabytePdfComesBackByteForByteWithItsChecksum() throws Exception {
		byte[] pdf = DocumentFixtures.pdf(20 * 1024 * 1024, 42);
		String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf));

		ResponseEntity<Map<String, Object>> created = upload("isu-officer", "request", "en", null,
				"Demande de prolongation – Slovénie.pdf", pdf);
		assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(created.getBody()).containsEntry("kind", "request")
			.containsEntry("language", "en")
			.containsEntry("version", 1)
			.containsEntry("contentType", "application/pdf")
			.containsEntry("size", pdf.length)
			.containsEntry("sha256", sha256)
			.containsEntry("uploadedBy", "isu-officer")
			.containsEntry("filename", "Demande de prolongation – Slovénie.pdf");
		Number id = (Number) created.getBody().get("id");
		assertThat(created.getHeaders().getLocation()).hasToString("/api/documents/" + id);

		List<Map<String, Object>> listed = list("ag-member");
		assertThat(listed).singleElement()
			.satisfies((document) -> assertThat(document).containsEntry("sha256", sha256)
				.containsKeys("id", "kind", "language", "filename", "contentType", "size", "version", "uploadedBy",
						"uploadedAt"));

		ResponseEntity<byte[]> download = this.rest.withBasicAuth("ag-member", "demo")
			.getForEntity("/api/documents/" + id + "/content", byte[].class);
		assertThat(download.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(download.getBody()).isEqualTo(pdf);
		assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(download.getBody())))
			.isEqualTo(sha256);
		assertThat(download.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
		assertThat(download.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(download.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).isEqualTo(
				"attachment; filename=\"Demande de prolongation _ Slov_nie.pdf\"; filename*=UTF-8''Demande%20de%20prolongation%20%E2%80%93%20Slov%C3%A9nie.pdf");
	}

	@Test
	void theTypeComesFromTheBytes() throws Exception {
		ResponseEntity<Map<String, Object>> executable = upload("isu-officer", "annex", "en", "Work plan",
				"work-plan.pdf", DocumentFixtures.executable());
		assertThat(executable.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
		assertThat(executable.getBody()).containsEntry("detectedType", "application/x-msdownload");
		assertThat((String) executable.getBody().get("detail")).contains("application/x-msdownload");

		ResponseEntity<Map<String, Object>> zip = upload("isu-officer", "annex", "en", "Maps", "maps.docx",
				DocumentFixtures.zip());
		assertThat(zip.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
		assertThat(zip.getBody()).containsEntry("detectedType", "application/zip");

		ResponseEntity<Map<String, Object>> docx = upload("isu-officer", "annex", "en", "Budget", "budget.bin",
				DocumentFixtures.docx("Budget"));
		assertThat(docx.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(docx.getBody()).containsEntry("contentType",
				"application/vnd.openxmlformats-officedocument.wordprocessingml.document");
		assertThat(upload("isu-officer", "annex", "fr", "Carte", "carte.png", DocumentFixtures.png()).getBody())
			.containsEntry("contentType", "image/png");
		assertThat(list("isu-officer")).hasSize(2);
	}

	@Test
	void badInputIsA4xxThatLeavesNothingBehind() throws Exception {
		ResponseEntity<Map<String, Object>> empty = upload("isu-officer", "request", "en", null, "empty.pdf",
				new byte[0]);
		assertThat(empty.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(empty.getBody()).containsEntry("field", "file");
		assertThat(upload("isu-officer", "memo", "en", null, "a.pdf", DocumentFixtures.pdf(1000, 1)).getBody())
			.containsEntry("status", 400)
			.containsEntry("field", "kind");
		assertThat(upload("isu-officer", "request", "de", null, "a.pdf", DocumentFixtures.pdf(1000, 1)).getBody())
			.containsEntry("status", 400)
			.containsEntry("field", "language");
		assertThat(this.rest.withBasicAuth("isu-officer", "demo")
			.exchange("/api/extension-requests/CCM-XXX-1MSP/documents", HttpMethod.POST,
					DocumentFixtures.multipart("request", "en", null, "a.pdf", DocumentFixtures.pdf(1000, 1)), OBJECT)
			.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(this.rest.withBasicAuth("isu-officer", "demo")
			.getForEntity("/api/documents/999999/content", String.class)
			.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(list("isu-officer")).isEmpty();
	}

	@Test
	void aFileOverTheLimitIsA413WithABody() {
		byte[] tooLarge = DocumentFixtures.pdf(50 * 1024 * 1024 + 1, 7);
		// stored as it arrives: the reader counts, stops at the limit, nothing is kept
		ResponseEntity<Map<String, Object>> streamed = upload("isu-officer", "request", "en", null, "big.pdf",
				tooLarge);
		assertThat(streamed.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
		assertThat(streamed.getBody()).containsEntry("status", 413).containsEntry("field", "file");
		assertThat((String) streamed.getBody().get("detail")).contains("50 MB");
		assertNothingStored();
		// the file before its fields (spooled to disk first): the same
		ResponseEntity<Map<String, Object>> spooled = post("isu-officer",
				new RawMultipart().file("big.pdf", tooLarge).field("kind", "request").field("language", "en"));
		assertThat(spooled.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
		assertThat(spooled.getBody()).containsEntry("status", 413).containsEntry("field", "file");
		assertNothingStored();
		// exactly the limit is accepted
		assertThat(
				upload("isu-officer", "request", "en", null, "limit.pdf", Arrays.copyOf(tooLarge, tooLarge.length - 1))
					.getStatusCode())
			.isEqualTo(HttpStatus.CREATED);
	}

	@Test
	void aRefusedTypeLeavesNothingStored() throws Exception {
		// several pieces each, so that some were stored before the type was told
		byte[] executable = Arrays.copyOf(DocumentFixtures.executable(), 3 * 1024 * 1024);
		byte[] zip = largeZip(3 * 1024 * 1024);
		for (boolean fileFirst : new boolean[] { false, true }) {
			ResponseEntity<Map<String, Object>> renamed = fileFirst ? post("isu-officer",
					new RawMultipart().file("annex.pdf", executable).field("kind", "annex").field("language", "en"))
					: upload("isu-officer", "annex", "en", null, "annex.pdf", executable);
			assertThat(renamed.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
			assertThat(renamed.getBody()).containsEntry("detectedType", "application/x-msdownload")
				.containsEntry("field", "file");
			assertNothingStored();
			ResponseEntity<Map<String, Object>> zipAsWord = fileFirst
					? post("isu-officer",
							new RawMultipart().file("maps.docx", zip).field("kind", "annex").field("language", "en"))
					: upload("isu-officer", "annex", "en", "Maps", "maps.docx", zip);
			assertThat(zipAsWord.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
			assertThat(zipAsWord.getBody()).containsEntry("detectedType", "application/zip");
			assertNothingStored();
		}
		// and a real Word file of the same size is told apart from the ZIP
		assertThat(
				upload("isu-officer", "annex", "en", "Budget", "budget.zip", DocumentFixtures.docx("Budget")).getBody())
			.containsEntry("contentType", "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
	}

	@Test
	void theFileMayComeBeforeItsFieldsAndTheTitleAfterIt() throws Exception {
		byte[] first = DocumentFixtures.pdf(3 * 1024 * 1024 + 17, 11);
		byte[] second = DocumentFixtures.pdf(2 * 1024 * 1024 - 5, 12);
		// the file first: spooled, stored once the form is read
		ResponseEntity<Map<String, Object>> spooled = post("isu-officer",
				new RawMultipart().file("Annexe – cartes.pdf", first)
					.field("kind", "annex")
					.field("language", "fr")
					.field("title", "Cartes"));
		assertThat(spooled.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(spooled.getBody()).containsEntry("kind", "annex")
			.containsEntry("language", "fr")
			.containsEntry("title", "Cartes")
			.containsEntry("version", 1)
			.containsEntry("filename", "Annexe – cartes.pdf")
			.containsEntry("contentType", "application/pdf")
			.containsEntry("size", first.length)
			.containsEntry("sha256", sha256(first));
		// the kind and language first, the title after the file: stored as it arrives,
		// the title taken at the end (the same annex, so version 2)
		ResponseEntity<Map<String, Object>> streamed = post("coordinator",
				new RawMultipart().field("kind", "annex")
					.field("language", "fr")
					.file("cartes-v2.pdf", second)
					.field("title", "Cartes"));
		assertThat(streamed.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(streamed.getBody()).containsEntry("title", "Cartes")
			.containsEntry("version", 2)
			.containsEntry("uploadedBy", "coordinator")
			.containsEntry("size", second.length)
			.containsEntry("sha256", sha256(second));
		assertThat(download(id(spooled))).isEqualTo(first);
		assertThat(download(id(streamed))).isEqualTo(second);
		// a form without its kind, or without a file: 400, nothing more stored
		ResponseEntity<Map<String, Object>> noKind = post("isu-officer",
				new RawMultipart().file("a.pdf", first).field("language", "fr"));
		assertThat(noKind.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat((String) noKind.getBody().get("detail")).contains("kind");
		assertThat(
				post("isu-officer", new RawMultipart().field("kind", "annex").field("language", "fr")).getStatusCode())
			.isEqualTo(HttpStatus.BAD_REQUEST);
		// a kind given twice is no kind (as @RequestParam read it): not a way around
		// the authorization
		assertThat(post("isu-officer",
				new RawMultipart().field("kind", "annex")
					.field("language", "fr")
					.file("a.pdf", second)
					.field("kind", "request"))
			.getBody()).containsEntry("field", "kind");
		assertThat(list("isu-officer")).hasSize(2);
		assertThat(this.jdbc.sql("select count(*) from document_content").query(Integer.class).single())
			.isEqualTo(4 + 2);
	}

	/**
	 * The upload is read as it arrives, not spooled whole first: with only half of the
	 * body sent, pieces of the file are in the database already (in the upload's
	 * transaction, not yet committed).
	 */
	@Test
	void theFileIsStoredWhileItArrives() throws Exception {
		byte[] pdf = DocumentFixtures.pdf(8 * 1024 * 1024, 13);
		RawMultipart form = new RawMultipart().field("kind", "request")
			.field("language", "en")
			.file("request.pdf", pdf);
		byte[] body = form.bytes();
		int half = body.length / 2;
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(60_000);
			OutputStream out = socket.getOutputStream();
			out.write(("POST " + path() + " HTTP/1.1\r\nHost: 127.0.0.1:" + this.port + "\r\nAuthorization: Basic "
					+ Base64.getEncoder().encodeToString("isu-officer:demo".getBytes(StandardCharsets.UTF_8))
					+ "\r\nContent-Type: " + form.contentType() + "\r\nContent-Length: " + body.length
					+ "\r\nAccept: application/json\r\nConnection: close\r\n\r\n")
				.getBytes(StandardCharsets.ISO_8859_1));
			out.write(body, 0, half);
			out.flush();
			Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> uncommittedPieces() >= 3);
			assertThat(list("isu-officer")).isEmpty();
			out.write(body, half, body.length - half);
			out.flush();
			String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(response).startsWith("HTTP/1.1 201").contains("\"sha256\":\"" + sha256(pdf) + "\"");
		}
		assertThat(list("isu-officer")).singleElement()
			.satisfies((document) -> assertThat(document).containsEntry("size", pdf.length));
	}

	@Test
	void uploadingTheSameDocumentAgainMakesANewVersionAndKeepsTheOld() {
		long first = id(upload("isu-officer", "request", "en", null, "request.pdf", DocumentFixtures.pdf(2000, 1)));
		long second = id(upload("coordinator", "request", "en", null, "request-v2.pdf", DocumentFixtures.pdf(3000, 2)));
		long french = id(upload("isu-officer", "request", "fr", null, "demande.pdf", DocumentFixtures.pdf(2500, 3)));
		long revised = id(
				upload("isu-officer", "revised-request", "en", null, "revised.pdf", DocumentFixtures.pdf(2600, 4)));
		long annexA = id(upload("isu-officer", "annex", "en", "Maps", "maps.pdf", DocumentFixtures.pdf(1000, 5)));
		long annexB = id(upload("isu-officer", "annex", "en", "Budget", "budget.pdf", DocumentFixtures.pdf(1000, 6)));

		ResponseEntity<List<Map<String, Object>>> versions = this.rest.withBasicAuth("isu-officer", "demo")
			.exchange("/api/documents/" + first + "/versions", HttpMethod.GET, null, LIST);
		assertThat(versions.getBody()).extracting((document) -> ((Number) document.get("id")).longValue())
			.containsExactly(second, first);
		assertThat(versions.getBody()).extracting((document) -> document.get("version")).containsExactly(2, 1);
		assertThat(document(french)).containsEntry("version", 1);
		assertThat(document(revised)).containsEntry("revisesId", (int) french);
		assertThat(document(annexA)).containsEntry("version", 1).containsEntry("title", "Maps");
		assertThat(document(annexB)).containsEntry("version", 1).containsEntry("title", "Budget");
		assertThat(list("coordinator")).hasSize(6);
		// the older version stays downloadable
		assertThat(this.rest.withBasicAuth("isu-officer", "demo")
			.getForEntity("/api/documents/" + first + "/content", byte[].class)
			.getBody()).isEqualTo(DocumentFixtures.pdf(2000, 1));
	}

	@Test
	void anAdministratorWithdrawsAVersionWithAReason() {
		long id = id(upload("isu-officer", "correspondence", "fr", "Lettre du 3 mars", "lettre.pdf",
				DocumentFixtures.pdf(1000, 1)));
		assertThat(this.rest.withBasicAuth("isu-officer", "demo")
			.postForEntity("/api/documents/" + id + "/withdraw", Map.of("reason", "Wrong file"), String.class)
			.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(this.rest.withBasicAuth("demo-admin", "demo")
			.exchange("/api/documents/" + id + "/withdraw", HttpMethod.POST, new HttpEntity<>(Map.of("reason", " ")),
					OBJECT)
			.getBody()).containsEntry("field", "reason");
		ResponseEntity<Map<String, Object>> withdrawn = this.rest.withBasicAuth("demo-admin", "demo")
			.exchange("/api/documents/" + id + "/withdraw", HttpMethod.POST,
					new HttpEntity<>(Map.of("reason", "Sent to the wrong State")), OBJECT);
		assertThat(withdrawn.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(withdrawn.getBody()).containsEntry("withdrawn", true)
			.containsEntry("withdrawnBy", "demo-admin")
			.containsEntry("withdrawalReason", "Sent to the wrong State");
		assertThat(list("isu-officer")).singleElement()
			.satisfies((document) -> assertThat(document).containsEntry("withdrawn", true));
	}

	@Test
	void whoMayReadAndWhoMayUpload() {
		byte[] pdf = DocumentFixtures.pdf(1000, 1);
		String other = "ag-member".equals(this.rapporteur) ? "ag-member2" : "ag-member";
		// anonymous: 401 (a POST without a session meets the CSRF check first: 403)
		assertThat(this.rest
			.exchange(path(), HttpMethod.POST, DocumentFixtures.multipart("request", "en", null, "a.pdf", pdf),
					String.class)
			.getStatusCode()
			.value()).isIn(401, 403);
		assertThat(this.rest.getForEntity(path(), String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		// a user in none of the groups: 403
		assertThat(this.rest.withBasicAuth("outsider", "demo").getForEntity(path(), String.class).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(upload("outsider", "request", "en", null, "a.pdf", pdf).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		// ISU, coordinators and administrators upload every kind
		assertThat(upload("isu-officer", "request", "en", null, "a.pdf", pdf).getStatusCode())
			.isEqualTo(HttpStatus.CREATED);
		assertThat(upload("coordinator", "decision", "en", null, "a.pdf", pdf).getStatusCode())
			.isEqualTo(HttpStatus.CREATED);
		assertThat(upload("demo-admin", "analysis-official", "fr", null, "a.pdf", pdf).getStatusCode())
			.isEqualTo(HttpStatus.CREATED);
		// the rapporteur uploads analysis drafts only; another member of the group
		// nothing
		assertThat(upload(this.rapporteur, "analysis-draft", "en", null, "draft.pdf", pdf).getStatusCode())
			.isEqualTo(HttpStatus.CREATED);
		assertThat(upload(this.rapporteur, "request", "en", null, "a.pdf", pdf).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(upload(other, "analysis-draft", "en", null, "draft.pdf", pdf).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		// every reader reads and downloads
		List<Map<String, Object>> documents = list(other);
		assertThat(documents).hasSize(4);
		long id = ((Number) documents.get(0).get("id")).longValue();
		for (String reader : List.of("isu-officer", "coordinator", "demo-admin", "ag-member", "ag-member2")) {
			assertThat(this.rest.withBasicAuth(reader, "demo")
				.getForEntity("/api/documents/" + id + "/content", byte[].class)
				.getStatusCode()).isEqualTo(HttpStatus.OK);
		}
		assertThat(this.rest.getForEntity("/api/documents/" + id + "/content", String.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(this.rest.withBasicAuth("outsider", "demo")
			.getForEntity("/api/documents/" + id + "/content", String.class)
			.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
	}

	@Test
	void contentThatNoLongerMatchesItsChecksumIsNotSent() {
		long id = id(upload("isu-officer", "request", "en", null, "a.pdf", DocumentFixtures.pdf(3000, 1)));
		this.jdbc.sql("update document_content set data = ? where document_id = ? and seq = 0")
			.params(DocumentFixtures.pdf(3000, 2), id)
			.update();
		ResponseEntity<String> download = this.rest.withBasicAuth("isu-officer", "demo")
			.getForEntity("/api/documents/" + id + "/content", String.class);
		assertThat(download.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
		assertThat(download.getBody()).contains("checksum").doesNotContain("%PDF");
	}

	private String path() {
		return "/api/extension-requests/" + this.businessKey + "/documents";
	}

	private ResponseEntity<Map<String, Object>> upload(String user, String kind, String language, String title,
			String filename, byte[] content) {
		return this.rest.withBasicAuth(user, "demo")
			.exchange(path(), HttpMethod.POST, DocumentFixtures.multipart(kind, language, title, filename, content),
					OBJECT);
	}

	private ResponseEntity<Map<String, Object>> post(String user, RawMultipart form) {
		return this.rest.withBasicAuth(user, "demo").exchange(path(), HttpMethod.POST, form.entity(), OBJECT);
	}

	private byte[] download(long id) {
		return this.rest.withBasicAuth("isu-officer", "demo")
			.getForEntity("/api/documents/" + id + "/content", byte[].class)
			.getBody();
	}

	private void assertNothingStored() {
		assertThat(this.jdbc.sql("select count(*) from document").query(Integer.class).single()).isZero();
		assertThat(this.jdbc.sql("select count(*) from document_content").query(Integer.class).single()).isZero();
	}

	/** Pieces of content in the database, committed or not. */
	private int uncommittedPieces() throws SQLException {
		try (Connection connection = this.dataSource.getConnection()) {
			connection.setTransactionIsolation(Connection.TRANSACTION_READ_UNCOMMITTED);
			try (Statement statement = connection.createStatement();
					ResultSet rows = statement.executeQuery("select count(seq) from document_content")) {
				rows.next();
				return rows.getInt(1);
			}
		}
	}

	private static String sha256(byte[] content) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
	}

	/** A ZIP of nothing in particular, of about the given size (random bytes stored). */
	private static byte[] largeZip(int size) throws Exception {
		byte[] random = new byte[size];
		new Random(3).nextBytes(random);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			zip.putNextEntry(new ZipEntry("notes.txt"));
			zip.write("some notes".getBytes(StandardCharsets.UTF_8));
			zip.closeEntry();
			zip.putNextEntry(new ZipEntry("data.bin"));
			zip.write(random);
			zip.closeEntry();
		}
		return out.toByteArray();
	}

	private List<Map<String, Object>> list(String user) {
		return this.rest.withBasicAuth(user, "demo").exchange(path(), HttpMethod.GET, null, LIST).getBody();
	}

	private Map<String, Object> document(long id) {
		return this.rest.withBasicAuth("isu-officer", "demo")
			.exchange("/api/documents/" + id, HttpMethod.GET, null, OBJECT)
			.getBody();
	}

	private static long id(ResponseEntity<Map<String, Object>> created) {
		assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		return ((Number) created.getBody().get("id")).longValue();
	}

}
