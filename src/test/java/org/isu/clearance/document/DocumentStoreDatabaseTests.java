package org.isu.clearance.document;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.sql.Connection;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.isu.clearance.ScratchDatabase;
import org.isu.clearance.document.DocumentStore.NewVersion;
import org.isu.clearance.document.DocumentStore.Stored;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.PGConnection;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The content store on both databases: on PostgreSQL the pieces go in with a binary
 * {@code COPY}, on H2 with one {@code INSERT} each. Either way the content comes back
 * byte for byte with its SHA-256, and a stream that fails half way (an upload over its
 * limit, a client gone) leaves nothing behind and the connection fit for the next
 * transaction.
 */
class DocumentStoreDatabaseTests {

	@RegisterExtension
	static final ScratchDatabase DATABASE = new ScratchDatabase("clearance_documents");

	private static final int CHUNK = 1024 * 1024;

	@Test
	void onPostgresqlTheContentGoesInWithCopy() throws Exception {
		try (HikariDataSource dataSource = dataSource(DATABASE.url(), "postgres")) {
			try (Connection connection = dataSource.getConnection()) {
				// what the store looks for to use COPY
				assertThat(connection.isWrapperFor(PGConnection.class)).isTrue();
			}
			roundTripAndFailure(dataSource);
		}
	}

	@Test
	void onH2TheContentGoesInPieceByPiece() throws Exception {
		try (HikariDataSource dataSource = dataSource(
				"jdbc:h2:mem:documents" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa")) {
			roundTripAndFailure(dataSource);
		}
	}

	private static void roundTripAndFailure(HikariDataSource dataSource) throws Exception {
		Flyway.configure()
			.dataSource(dataSource)
			.table("app_schema_history")
			.baselineOnMigrate(true)
			.baselineVersion("0")
			.load()
			.migrate();
		JdbcClient jdbc = JdbcClient.create(dataSource);
		DocumentStore store = new DocumentStore(jdbc, dataSource);
		TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		byte[] content = DocumentFixtures.pdf(2 * CHUNK + 3, 21);

		// three pieces, the last one of three bytes
		Stored stored = transactions.execute((status) -> store(store, 1, new ByteArrayInputStream(content)));
		assertThat(stored.size()).isEqualTo(content.length);
		assertThat(stored.chunks()).isEqualTo(3);
		assertThat(stored.sha256())
			.isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)));
		assertThat(jdbc.sql("select seq from document_content where document_id = ? order by seq")
			.param(stored.id())
			.query(Integer.class)
			.list()).containsExactly(0, 1, 2);
		ByteArrayOutputStream back = new ByteArrayOutputStream();
		String read = transactions.execute((status) -> {
			try {
				return store.copyContent(stored.id(), 3, back);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
		assertThat(back.toByteArray()).isEqualTo(content);
		assertThat(read).isEqualTo(stored.sha256());

		// a stream that fails after a piece and a half: nothing of it stays
		InputStream failing = new InputStream() {

			private int left = CHUNK + CHUNK / 2;

			@Override
			public int read() throws IOException {
				if (this.left <= 0) {
					throw new IOException("the client went away");
				}
				this.left--;
				return 42;
			}

			@Override
			public int read(byte[] buffer, int offset, int length) throws IOException {
				if (this.left <= 0) {
					throw new IOException("the client went away");
				}
				int read = Math.min(length, Math.min(this.left, 8192));
				Arrays.fill(buffer, offset, offset + read, (byte) 42);
				this.left -= read;
				return read;
			}

		};
		assertThatThrownBy(() -> transactions.execute((status) -> store(store, 2, failing)))
			.hasRootCauseMessage("the client went away");
		assertThat(jdbc.sql("select count(*) from document").query(Integer.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from document_content").query(Integer.class).single()).isEqualTo(3);

		// the connections are fit for the next upload
		Stored next = transactions
			.execute((status) -> store(store, 2, new ByteArrayInputStream(DocumentFixtures.pdf(5000, 22))));
		assertThat(next.chunks()).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from document_content").query(Integer.class).single()).isEqualTo(4);
	}

	private static Stored store(DocumentStore store, int version, InputStream content) {
		NewVersion metadata = new NewVersion("CCM-TST-1MSP", "request", "en", "", version, "request.pdf", "", null,
				"isu-officer", Instant.parse("2026-11-20T10:00:00Z"));
		try {
			long id = store.create(metadata);
			Stored stored = store.append(id, content, CHUNK);
			store.complete(id, metadata.withContentType("application/pdf"), stored);
			return stored;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static HikariDataSource dataSource(String url, String user) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(url);
		dataSource.setUsername(user);
		dataSource.setPassword("");
		dataSource.setMaximumPoolSize(2);
		return dataSource;
	}

}
