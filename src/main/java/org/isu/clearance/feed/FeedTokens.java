package org.isu.clearance.feed;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal calendar feed tokens, for calendar clients that cannot send a password. One
 * per user; only its SHA-256 hash is stored, so the token is shown once, when created.
 * Creating a new one replaces the old; revoking deletes it.
 */
@Service
class FeedTokens {

	private static final int TOKEN_BYTES = 32;

	private final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	FeedTokens(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional
	String create(String userId) {
		byte[] bytes = new byte[TOKEN_BYTES];
		this.random.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		revoke(userId);
		this.jdbc.sql("insert into dashboard_feed_token (user_id, token_hash, created_at) values (?, ?, ?)")
			.params(userId, hash(token), Timestamp.from(Instant.now()))
			.update();
		return token;
	}

	@Transactional
	boolean revoke(String userId) {
		return this.jdbc.sql("delete from dashboard_feed_token where user_id = ?").param(userId).update() > 0;
	}

	Optional<Instant> createdAt(String userId) {
		return this.jdbc.sql("select created_at from dashboard_feed_token where user_id = ?")
			.param(userId)
			.query(Timestamp.class)
			.optional()
			.map(Timestamp::toInstant);
	}

	/**
	 * The user a token belongs to, if it is (still) valid.
	 */
	Optional<String> user(String token) {
		if (token == null || token.isBlank() || token.length() > 100) {
			return Optional.empty();
		}
		return this.jdbc.sql("select user_id from dashboard_feed_token where token_hash = ?")
			.param(hash(token.strip()))
			.query(String.class)
			.optional();
	}

	private static String hash(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

}
