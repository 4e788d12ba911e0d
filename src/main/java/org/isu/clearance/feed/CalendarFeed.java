package org.isu.clearance.feed;

import org.isu.clearance.request.RequestReadModel;
import org.isu.clearance.request.RequestSummary;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Categories;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.isu.clearance.request.RequestSummary.StageView;
import org.isu.clearance.registry.Meeting;
import org.isu.clearance.registry.Registry;

import org.springframework.stereotype.Service;

/**
 * The iCalendar feed (RFC 5545): every open task's due date, every open request's
 * submission due date, and every meeting of both conventions. Stable UIDs, so that a
 * subscribed calendar updates events instead of duplicating them.
 */
@Service
class CalendarFeed {

	private static final Duration TASK_EVENT_LENGTH = Duration.ofMinutes(30);

	private static final String UID_DOMAIN = "@clearance-extensions";

	private final RequestReadModel readModel;

	private final Registry registry;

	private final FeedProperties properties;

	CalendarFeed(RequestReadModel readModel, Registry registry, FeedProperties properties) {
		this.readModel = readModel;
		this.registry = registry;
		this.properties = properties;
	}

	String render(String baseUrl) {
		Calendar calendar = new Calendar();
		calendar.add(new ProdId("-//ISU//Clearance deadline extensions//EN"));
		calendar.add(ImmutableVersion.VERSION_2_0);
		calendar.add(ImmutableCalScale.GREGORIAN);
		calendar.add(new XProperty("X-WR-CALNAME", "Clearance deadline extensions"));
		calendar.add(new XProperty("X-PUBLISHED-TTL", this.properties.refresh().toString()));
		LocalDate since = RequestReadModel.today().minusDays(this.properties.past().toDays());
		for (Meeting meeting : this.registry.meetings(null)) {
			if (meeting.lastDay().isBefore(since)) {
				continue;
			}
			VEvent event = new VEvent(meeting.firstDay(), meeting.lastDay().plusDays(1),
					meeting.convention() + " " + meeting.code() + " (" + meeting.kind() + ")");
			event.add(new Uid("meeting-" + meeting.convention() + "-" + meeting.code() + UID_DOMAIN));
			event.add(meeting.provisional() ? ImmutableStatus.VEVENT_TENTATIVE : ImmutableStatus.VEVENT_CONFIRMED);
			event.add(new Categories("meeting"));
			if (meeting.venue() != null) {
				event.add(new Location(meeting.venue()));
			}
			calendar.add(event);
		}
		for (RequestSummary request : this.readModel.open()) {
			String link = baseUrl + "/requests/" + request.businessKey();
			String who = (request.stateName() != null) ? request.stateName() : request.stateCode();
			if (request.submissionDue() != null && !request.submissionDue().isBefore(since)) {
				VEvent event = new VEvent(request.submissionDue(), request.submissionDue().plusDays(1),
						"Submission due: " + who + " (" + request.businessKey() + ")");
				event.add(new Uid("submission-" + request.processInstanceId() + UID_DOMAIN));
				event.add(new Categories("submission-due"));
				event.add(url(link));
				calendar.add(event);
			}
			for (StageView stage : request.stages()) {
				if (stage.due() == null) {
					continue;
				}
				VEvent event = new VEvent(stage.due(), TASK_EVENT_LENGTH,
						"Due: " + stage.name() + " — " + who + " (" + request.businessKey() + ")");
				event.add(new Uid("task-" + request.processInstanceId() + "-" + stage.activityId() + UID_DOMAIN));
				event.add(new Categories("task-due"));
				event.add(new Description(description(stage) + "\n" + link));
				event.add(url(link));
				calendar.add(event);
			}
		}
		StringWriter out = new StringWriter();
		try {
			new CalendarOutputter(false).output(calendar, out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toString();
	}

	private static String description(StageView stage) {
		List<String> parts = new java.util.ArrayList<>();
		parts.add(stage.name());
		if (stage.assignee() != null) {
			parts.add("assigned to " + stage.assignee());
		}
		else if (stage.candidateGroup() != null) {
			parts.add("group " + stage.candidateGroup());
		}
		if (stage.openTasks() > 1) {
			parts.add(stage.openTasks() + " open tasks");
		}
		return String.join(", ", parts);
	}

	private static Url url(String link) {
		try {
			return new Url(java.net.URI.create(link));
		}
		catch (IllegalArgumentException ex) {
			return new Url();
		}
	}

}
