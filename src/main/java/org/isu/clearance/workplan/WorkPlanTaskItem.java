package org.isu.clearance.workplan;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

import org.springframework.stereotype.Component;

import static org.isu.clearance.workplan.CoordinationWorkPlan.*;

/**
 * On creation of a work-plan task, records on the task itself which item of the plan it
 * is ({@value CoordinationWorkPlan#ITEM}: {@code activity:gender-focal-points-outreach},
 * {@code step:draft}, {@code translate:fr}), so that the work-plan page and the digest
 * find every task, open or done, by its item.
 */
@Component("workPlanTaskItem")
class WorkPlanTaskItem implements TaskListener {

	@Override
	public void notify(DelegateTask task) {
		task.setVariableLocal(ITEM, item(task));
	}

	private static String item(DelegateTask task) {
		String key = task.getTaskDefinitionKey();
		if (TASK_ACTIVITY.equals(key) || TASK_MEETING.equals(key)) {
			return "activity:" + task.getVariable(ACTIVITY_ID);
		}
		if (TASK_TRANSLATE_WORKING_PAPER.equals(key)) {
			return "translate:" + task.getVariable(LANGUAGE);
		}
		return "step:" + CoordinationWorkPlan.step(key);
	}

}
