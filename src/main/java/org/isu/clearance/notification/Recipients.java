package org.isu.clearance.notification;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.isu.clearance.registry.StateParty;
import org.isu.clearance.shared.AsSystem;

import org.springframework.stereotype.Component;

/**
 * Who receives a mail, and in which language they prefer it: users (looked up in
 * Camunda's identity service whatever the authorizations of the user whose action
 * triggered the mail; their language is the user info {@code language}) and States' focal
 * points (their address and language as the registry has them). The one place the
 * features look up an address to write to.
 */
@Component
public class Recipients {

	/**
	 * The user info key holding a user's preferred language ({@code en}, {@code fr}, …).
	 */
	public static final String LANGUAGE_INFO = "language";

	private final IdentityService identity;

	Recipients(IdentityService identity) {
		this.identity = identity;
	}

	/**
	 * The candidate users, and the members of the candidate groups, of a task.
	 */
	List<Recipient> candidates(Collection<? extends IdentityLink> links) {
		return users(candidateIds(links));
	}

	/**
	 * The ids of the candidate users, and of the members of the candidate groups, of a
	 * task, once each.
	 */
	Set<String> candidateIds(Collection<? extends IdentityLink> links) {
		return AsSystem.call(this.identity, () -> {
			Set<String> userIds = new LinkedHashSet<>();
			for (IdentityLink link : links) {
				if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
					continue;
				}
				if (link.getGroupId() != null) {
					userIds.addAll(memberIds(link.getGroupId()));
				}
				else if (link.getUserId() != null) {
					userIds.add(link.getUserId());
				}
			}
			return userIds;
		});
	}

	/**
	 * The users with an e-mail address among some, once each, in the order given.
	 */
	public List<Recipient> users(Collection<String> userIds) {
		if (userIds.isEmpty()) {
			return List.of();
		}
		return AsSystem.call(this.identity, () -> {
			Set<String> ids = new LinkedHashSet<>(userIds);
			// one query for all of them, then in the order given
			Map<String, User> found = new java.util.HashMap<>();
			this.identity.createUserQuery()
				.userIdIn(ids.toArray(String[]::new))
				.list()
				.forEach((user) -> found.put(user.getId(), user));
			List<Recipient> recipients = new ArrayList<>();
			for (String userId : ids) {
				User user = found.get(userId);
				if (user != null && user.getEmail() != null && !user.getEmail().isBlank()) {
					recipients.add(new Recipient(user.getId(), name(user), user.getEmail(),
							this.identity.getUserInfo(user.getId(), LANGUAGE_INFO)));
				}
			}
			return recipients;
		});
	}

	/**
	 * A user, if it exists and has an e-mail address.
	 */
	public Optional<Recipient> user(String userId) {
		return (userId != null) ? users(List.of(userId)).stream().findFirst() : Optional.empty();
	}

	/**
	 * The members of some groups with an e-mail address, once each.
	 */
	public List<Recipient> members(String... groupIds) {
		return AsSystem.call(this.identity, () -> {
			Set<String> userIds = new LinkedHashSet<>();
			for (String groupId : groupIds) {
				userIds.addAll(memberIds(groupId));
			}
			return users(userIds);
		});
	}

	/**
	 * A State's focal point as the registry has it now, if it has an address.
	 */
	public Optional<Recipient> focalPoint(StateParty state) {
		if (state == null || state.focalPointEmail() == null || state.focalPointEmail().isBlank()) {
			return Optional.empty();
		}
		return Optional.of(new Recipient(state.key(), OutgoingMail.singleLine(state.name()), state.focalPointEmail(),
				(state.preferredLanguage() != null) ? state.preferredLanguage().name() : null));
	}

	/**
	 * The focal point of the State whose request a process instance carries, from the
	 * variables the request took from the registry when it started
	 * ({@code focalPointEmail}, {@code preferredLanguage}, {@code stateName}).
	 */
	Optional<Recipient> focalPoint(Map<String, ?> request) {
		Object email = request.get(MailVariables.FOCAL_POINT_EMAIL);
		if (!(email instanceof String address) || address.isBlank()) {
			return Optional.empty();
		}
		Object language = request.get(MailVariables.PREFERRED_LANGUAGE);
		Object name = request.get(MailVariables.STATE_NAME);
		return Optional.of(new Recipient(null, (name != null) ? OutgoingMail.singleLine(name.toString()) : null,
				address, (language != null) ? language.toString() : null));
	}

	List<String> memberIds(String groupId) {
		return AsSystem.call(this.identity,
				() -> this.identity.createUserQuery().memberOfGroup(groupId).list().stream().map(User::getId).toList());
	}

	String groupName(Collection<? extends IdentityLink> links) {
		return AsSystem.call(this.identity,
				() -> links.stream()
					.filter((link) -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
					.map((link) -> {
						Group group = this.identity.createGroupQuery().groupId(link.getGroupId()).singleResult();
						return (group != null && group.getName() != null) ? group.getName() : link.getGroupId();
					})
					.reduce((a, b) -> a + ", " + b)
					.orElse(""));
	}

	private static String name(User user) {
		String name = ((user.getFirstName() != null) ? user.getFirstName() : "") + " "
				+ ((user.getLastName() != null) ? user.getLastName() : "");
		return name.isBlank() ? user.getId() : OutgoingMail.singleLine(name);
	}

	/**
	 * Someone a mail goes to.
	 *
	 * @param userId the user's id; for a focal point the State's key ({@code CCM-LAO}),
	 * or null when unknown
	 * @param name the user's name, or the State's
	 * @param email one address
	 * @param language the preferred language as recorded (a code such as {@code ar} or
	 * {@code fr}), null for none; the outbox chooses the language the mail is written in
	 */
	public record Recipient(String userId, String name, String email, String language) {

	}

}
