package org.isu.clearance.notification;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.isu.clearance.shared.AsSystem;

import org.springframework.stereotype.Component;

/**
 * Who receives a task's mails, looked up in Camunda's identity service whatever the
 * authorizations of the user whose action triggered the mail.
 */
@Component
class Recipients {

	/** The user info key holding a user's preferred language ({@code en}, {@code fr}). */
	static final String LANGUAGE_INFO = "language";

	private final IdentityService identity;

	Recipients(IdentityService identity) {
		this.identity = identity;
	}

	/**
	 * The candidate users, and the members of the candidate groups, of a task.
	 */
	List<Recipient> candidates(Collection<? extends IdentityLink> links) {
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
			return users(userIds);
		});
	}

	List<Recipient> users(Collection<String> userIds) {
		return AsSystem.call(this.identity, () -> {
			List<Recipient> recipients = new ArrayList<>();
			for (String userId : new LinkedHashSet<>(userIds)) {
				User user = this.identity.createUserQuery().userId(userId).singleResult();
				if (user != null && user.getEmail() != null && !user.getEmail().isBlank()) {
					recipients.add(new Recipient(user.getId(), name(user), user.getEmail(),
							Outbox.language(this.identity.getUserInfo(user.getId(), LANGUAGE_INFO))));
				}
			}
			return recipients;
		});
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

	record Recipient(String userId, String name, String email, String language) {

	}

}
