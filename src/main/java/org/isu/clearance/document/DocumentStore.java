package org.isu.clearance.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The {@code document} and {@code document_content} tables: metadata, and the content in
 * pieces of a fixed size, written and read one piece at a time so that a file of any size
 * costs one piece of memory.
 */
@Repository
class DocumentStore {

	private static final String COLUMNS = """
			id, business_key, kind, language, title, version, filename, content_type, size_bytes, sha256,
			chunk_count, revises_id, uploaded_by, uploaded_at, withdrawn_by, withdrawn_at, withdrawal_reason
			""";

	/** PostgreSQL's binary {@code COPY}: its signature, no flags, no header extension. */
	private static final byte[] COPY_HEADER = { 'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0, 0, 0, 0,
			0, 0, 0, 0, 0 };

	/** The end of a binary {@code COPY}: a field count of -1. */
	private static final byte[] COPY_TRAILER = { (byte) 0xff, (byte) 0xff };

	/**
	 * A row's field count, then the id and sequence number with their lengths, the data's
	 * length.
	 */
	private static final int COPY_ROW_HEADER = 2 + 4 + 8 + 4 + 4 + 4;

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	DocumentStore(JdbcClient jdbc, DataSource dataSource) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
	}

	/**
	 * Writes a new version: its metadata, then its content piece by piece while the
	 * SHA-256 is computed; the caller's transaction makes it all or nothing.
	 */
	Stored insert(NewVersion version, InputStream content, int chunkSize) throws IOException {
		long id = create(version);
		Stored stored = append(id, content, chunkSize);
		complete(id, version, stored);
		return stored;
	}

	/**
	 * Writes a new version's metadata; its content follows ({@link #append}) and then its
	 * size and checksum ({@link #complete}), in the caller's transaction.
	 * @return the new version's id
	 */
	long create(NewVersion version) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				insert into document (business_key, kind, language, title, version, filename, content_type,
				  size_bytes, sha256, chunk_count, revises_id, uploaded_by, uploaded_at)
				values (:businessKey, :kind, :language, :title, :version, :filename, :contentType, 0, '', 0,
				  :revisesId, :uploadedBy, :uploadedAt)
				""")
			.param("businessKey", version.businessKey())
			.param("kind", version.kind())
			.param("language", version.language())
			.param("title", version.title())
			.param("version", version.version())
			.param("filename", version.filename())
			.param("contentType", version.contentType())
			.param("revisesId", version.revisesId(), Types.BIGINT)
			.param("uploadedBy", version.uploadedBy())
			.param("uploadedAt", Timestamp.from(version.uploadedAt()))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	/**
	 * Writes a version's content piece by piece, as it is read, while the SHA-256 is
	 * computed: one piece in memory at a time. On PostgreSQL the pieces go in with
	 * {@code COPY}, which the server works through while the next piece is read (an
	 * {@code INSERT} would wait for the server after each piece).
	 */
	Stored append(long id, InputStream content, int chunkSize) throws IOException {
		Connection connection = DataSourceUtils.getConnection(this.dataSource);
		try {
			if (connection.isWrapperFor(PGConnection.class)) {
				return copy(connection.unwrap(PGConnection.class), id, content, chunkSize);
			}
		}
		catch (SQLException ex) {
			throw new DataAccessResourceFailureException("Could not store the content of document " + id, ex);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, this.dataSource);
		}
		MessageDigest sha256 = sha256();
		byte[] buffer = new byte[chunkSize];
		long size = 0;
		int seq = 0;
		int filled;
		while ((filled = content.readNBytes(buffer, 0, chunkSize)) > 0) {
			sha256.update(buffer, 0, filled);
			byte[] piece = (filled == chunkSize) ? buffer : Arrays.copyOf(buffer, filled);
			this.jdbc.sql("insert into document_content (document_id, seq, data) values (?, ?, ?)")
				.params(id, seq++, piece)
				.update();
			size += filled;
		}
		return new Stored(id, size, HexFormat.of().formatHex(sha256.digest()), seq);
	}

	/**
	 * {@code COPY ... FROM STDIN} in PostgreSQL's binary format: a header, then for each
	 * piece a row of three fields (its length before each), then a trailer. Anything that
	 * fails on the way (the upload over its limit, a broken connection) cancels the copy,
	 * so that the transaction can be rolled back.
	 */
	private static Stored copy(PGConnection connection, long id, InputStream content, int chunkSize)
			throws IOException, SQLException {
		MessageDigest sha256 = sha256();
		byte[] buffer = new byte[chunkSize];
		ByteBuffer row = ByteBuffer.allocate(COPY_ROW_HEADER);
		long size = 0;
		int seq = 0;
		CopyIn copy = connection.getCopyAPI()
			.copyIn("copy document_content (document_id, seq, data) from stdin (format binary)");
		try {
			copy.writeToCopy(COPY_HEADER, 0, COPY_HEADER.length);
			int filled;
			while ((filled = content.readNBytes(buffer, 0, chunkSize)) > 0) {
				sha256.update(buffer, 0, filled);
				row.clear();
				row.putShort((short) 3).putInt(8).putLong(id).putInt(4).putInt(seq++).putInt(filled);
				copy.writeToCopy(row.array(), 0, row.position());
				copy.writeToCopy(buffer, 0, filled);
				size += filled;
			}
			copy.writeToCopy(COPY_TRAILER, 0, COPY_TRAILER.length);
			copy.endCopy();
		}
		catch (Throwable ex) {
			if (copy.isActive()) {
				try {
					copy.cancelCopy();
				}
				catch (SQLException cancel) {
					ex.addSuppressed(cancel);
				}
			}
			throw ex;
		}
		return new Stored(id, size, HexFormat.of().formatHex(sha256.digest()), seq);
	}

	/**
	 * Records what a version became once its content is stored: its metadata as finally
	 * decided, its content type, size, checksum and number of pieces.
	 */
	void complete(long id, NewVersion version, Stored stored) {
		this.jdbc.sql("""
				update document set kind = :kind, language = :language, title = :title, version = :version,
				  filename = :filename, content_type = :contentType, revises_id = :revisesId,
				  size_bytes = :size, sha256 = :sha256, chunk_count = :chunks
				where id = :id
				""")
			.param("kind", version.kind())
			.param("language", version.language())
			.param("title", version.title())
			.param("version", version.version())
			.param("filename", version.filename())
			.param("contentType", version.contentType())
			.param("revisesId", version.revisesId(), Types.BIGINT)
			.param("size", stored.size())
			.param("sha256", stored.sha256())
			.param("chunks", stored.chunks())
			.param("id", id)
			.update();
	}

	/**
	 * Copies the content to {@code out} piece by piece.
	 * @return the SHA-256 of what was copied
	 */
	String copyContent(long id, int chunkCount, OutputStream out) throws IOException {
		MessageDigest sha256 = sha256();
		for (int seq = 0; seq < chunkCount; seq++) {
			byte[] piece = this.jdbc.sql("select data from document_content where document_id = ? and seq = ?")
				.params(id, seq)
				.query((rs, row) -> rs.getBytes(1))
				.optional()
				.orElseThrow(() -> new IllegalStateException("A piece of the document's content is missing"));
			sha256.update(piece);
			out.write(piece);
		}
		return HexFormat.of().formatHex(sha256.digest());
	}

	int nextVersion(String businessKey, String kind, String language, String title) {
		int last = this.jdbc.sql("""
				select coalesce(max(version), 0) from document
				where business_key = ? and kind = ? and language = ? and title = ?
				""").params(businessKey, kind, language, title).query(Integer.class).single();
		return last + 1;
	}

	List<Document> list(String businessKey) {
		return this.jdbc.sql("select " + COLUMNS + """
				from document where business_key = ?
				order by kind, language, title, version desc
				""").param(businessKey).query(DocumentStore::document).list();
	}

	Optional<Document> find(long id) {
		return this.jdbc.sql("select " + COLUMNS + " from document where id = ?")
			.param(id)
			.query(DocumentStore::document)
			.optional();
	}

	int chunkCount(long id) {
		return this.jdbc.sql("select chunk_count from document where id = ?").param(id).query(Integer.class).single();
	}

	/**
	 * The newest version of the kinds given that is not withdrawn.
	 */
	Optional<Document> latest(String businessKey, List<String> kinds, String language) {
		StringBuilder sql = new StringBuilder("select " + COLUMNS
				+ " from document where business_key = :businessKey and kind in (:kinds) and withdrawn_at is null");
		if (language != null) {
			sql.append(" and language = :language");
		}
		sql.append(" order by uploaded_at desc, id desc fetch first 1 rows only");
		JdbcClient.StatementSpec statement = this.jdbc.sql(sql.toString())
			.param("businessKey", businessKey)
			.param("kinds", kinds);
		if (language != null) {
			statement = statement.param("language", language);
		}
		return statement.query(DocumentStore::document).optional();
	}

	boolean withdraw(long id, String by, Instant at, String reason) {
		return this.jdbc.sql("""
				update document set withdrawn_by = ?, withdrawn_at = ?, withdrawal_reason = ?
				where id = ? and withdrawn_at is null
				""").params(by, Timestamp.from(at), reason, id).update() == 1;
	}

	private static Document document(ResultSet rs, int row) throws SQLException {
		Timestamp withdrawnAt = rs.getTimestamp("withdrawn_at");
		Long revises = rs.getObject("revises_id", Long.class);
		return new Document(rs.getLong("id"), rs.getString("business_key"), rs.getString("kind"),
				rs.getString("language"), rs.getString("title"), rs.getInt("version"), rs.getString("filename"),
				rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sha256"), revises,
				rs.getString("uploaded_by"), rs.getTimestamp("uploaded_at").toInstant(), rs.getString("withdrawn_by"),
				(withdrawnAt != null) ? withdrawnAt.toInstant() : null, rs.getString("withdrawal_reason"));
	}

	static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	record NewVersion(String businessKey, String kind, String language, String title, int version, String filename,
			String contentType, Long revisesId, String uploadedBy, Instant uploadedAt) {

		NewVersion withContentType(String type) {
			return new NewVersion(this.businessKey, this.kind, this.language, this.title, this.version, this.filename,
					type, this.revisesId, this.uploadedBy, this.uploadedAt);
		}

	}

	record Stored(long id, long size, String sha256, int chunks) {

	}

}
