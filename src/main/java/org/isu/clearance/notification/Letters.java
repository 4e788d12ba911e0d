package org.isu.clearance.notification;

import java.util.Map;

/**
 * Texts of the letters to a State's focal point and of the task reminders, in English and
 * French (the recipient's preferred language where it is one of those, otherwise
 * English).
 */
final class Letters {

	private Letters() {
	}

	static String language(Object preferred) {
		return "fr".equals(preferred) ? "fr" : "en";
	}

	static String stateSubject(String letter, String language, Map<String, Object> v) {
		boolean fr = "fr".equals(language);
		String request = (fr ? "Demande de prolongation – " : "Extension request – ") + v.get("stateName") + " ("
				+ v.get("convention") + ", " + v.get("meetingCode") + ")";
		return switch (letter) {
			case "acknowledgement" -> (fr ? "Accusé de réception : " : "Acknowledgement of receipt: ") + request;
			case "supplement-request" ->
				(fr ? "Informations complémentaires requises : " : "Further information needed: ") + request;
			case "questions" ->
				(fr ? "Questions du Groupe d'analyse : " : "Questions from the Analysis Group: ") + request;
			case "decision" -> (fr ? "Décision de la réunion : " : "Decision of the meeting: ") + request;
			case "withdrawal" -> (fr ? "Retrait enregistré : " : "Withdrawal recorded: ") + request;
			default -> request;
		};
	}

	static String stateBody(String letter, String language, Map<String, Object> v) {
		boolean fr = "fr".equals(language);
		StringBuilder text = new StringBuilder(fr ? "Madame, Monsieur,\n\n" : "Dear focal point,\n\n");
		switch (letter) {
			case "acknowledgement" -> text.append(fr
					? "L'Unité d'appui à l'application a reçu le " + v.get("submittedOn")
							+ " la demande de prolongation du délai de dépollution de " + v.get("stateName")
							+ " jusqu'au " + v.get("requestedDeadline") + ". Elle sera examinée en vue de la réunion "
							+ v.get("meetingCode") + " qui s'ouvre le " + v.get("meetingFirstDay") + "."
					: "The Implementation Support Unit received on " + v.get("submittedOn") + " the request of "
							+ v.get("stateName") + " to extend its clearance deadline to " + v.get("requestedDeadline")
							+ ". It will be considered at the " + v.get("meetingCode") + ", opening on "
							+ v.get("meetingFirstDay") + ".");
			case "supplement-request" -> text
				.append(fr ? "La demande n'est pas encore complète. Merci de compléter les éléments suivants :\n\n"
						: "The request is not yet complete. Please supplement the following:\n\n")
				.append(v.get("completenessNotes"));
			case "questions" -> text
				.append(fr ? "Le Groupe d'analyse a examiné la demande et souhaite obtenir des précisions :\n\n"
						: "The Analysis Group has reviewed the request and asks the following questions:\n\n")
				.append(v.get("questions"))
				.append(fr ? "\n\nMerci de répondre, ou d'envoyer une demande révisée, dès que possible."
						: "\n\nPlease answer, or send a revised request, as soon as possible.");
			case "decision" -> text.append(decisionText(fr, v));
			case "withdrawal" -> text
				.append(fr ? "Le retrait de la demande a été enregistré. Motif : "
						: "The withdrawal of the request has been recorded. Reason: ")
				.append(v.get("withdrawalReason"));
			default -> text.append(v.get("summary"));
		}
		text.append(fr ? "\n\nUnité d'appui à l'application\n" : "\n\nImplementation Support Unit\n");
		return text.toString();
	}

	private static String decisionText(boolean fr, Map<String, Object> v) {
		Object decision = v.get("decision");
		if ("refused".equals(decision)) {
			return fr ? "La réunion " + v.get("meetingCode") + " n'a pas accordé la prolongation demandée."
					: "The " + v.get("meetingCode") + " did not grant the requested extension.";
		}
		return fr
				? "La réunion " + v.get("meetingCode") + " a accordé une prolongation jusqu'au " + v.get("newDeadline")
						+ " (" + v.get("decisionDocument") + ")."
				: "The " + v.get("meetingCode") + " granted an extension until " + v.get("newDeadline") + " ("
						+ v.get("decisionDocument") + ").";
	}

	static String reminderSubject(String kind, String language, String taskName, Object stateName) {
		boolean fr = "fr".equals(language);
		String prefix = "overdue".equals(kind) ? (fr ? "En retard : " : "Overdue: ")
				: (fr ? "Bientôt dû : " : "Due soon: ");
		return prefix + taskName + " – " + stateName;
	}

	static String reminderBody(String kind, String language, String taskName, Object stateName, Object due,
			String link) {
		boolean fr = "fr".equals(language);
		String what = "overdue".equals(kind) ? (fr ? "est en retard depuis le " : "has been overdue since ")
				: (fr ? "arrive à échéance le " : "falls due on ");
		return (fr ? "La tâche « " : "The task \"") + taskName + (fr ? " » " : "\" ") + (fr ? "(" : "(") + stateName
				+ ") " + what + due + ".\n\n" + (fr ? "Ouvrir dans Tasklist : " : "Open it in Tasklist: ") + link
				+ "\n";
	}

}
