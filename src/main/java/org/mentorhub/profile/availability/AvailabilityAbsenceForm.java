package org.mentorhub.profile.availability;

/** The form for a new absence; the dates as typed ({@code yyyy-MM-dd}), checked by the page. */
record AvailabilityAbsenceForm(String startsOn, String endsOn, String reason) {

	static AvailabilityAbsenceForm blank() {
		return new AvailabilityAbsenceForm("", "", "");
	}

}
