package org.mentorhub.alert;

import org.mentorhub.goal.GoalAtRisk;
import org.mentorhub.profile.AcademicRecordChanged;
import org.mentorhub.session.ActionItemDue;
import org.mentorhub.session.SessionCompleted;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The alert rules react as things happen, not only at night: an academic record changed (by hand or by
 * an import), a session's record was written (a no-show, or a completed session), a goal was marked at
 * risk or passed its date, an action item became overdue. Each runs the enabled rules of the student's
 * institution for that student ({@link AlertRuleSweep#evaluate}), after the commit, retried from the
 * event publication registry after a failure.
 */
@Component
class AlertRuleListeners {

	private final AlertRuleSweep sweep;

	AlertRuleListeners(AlertRuleSweep sweep) {
		this.sweep = sweep;
	}

	@ApplicationModuleListener
	void on(AcademicRecordChanged event) {
		this.sweep.evaluate(event.studentId());
	}

	@ApplicationModuleListener
	void on(SessionCompleted event) {
		this.sweep.evaluate(event.session().menteeId());
	}

	@ApplicationModuleListener
	void on(GoalAtRisk event) {
		this.sweep.evaluate(event.studentId());
	}

	@ApplicationModuleListener
	void on(ActionItemDue event) {
		if (event.overdue()) {
			this.sweep.evaluate(event.assigneeId());
		}
	}

}
