/**
 * Notifications: other modules' events become notifications for the right people, in the app (the bell, the centre, live over Server-Sent Events) and by e-mail (at once or in a daily digest), as each person chooses per type. Uses: platform, identity, profile, mentorship, session, calendar, goal, learning, alert, messaging, integration, privacy.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "identity", "profile", "mentorship", "session", "calendar", "goal", "learning", "alert", "messaging", "support", "resource", "wellbeing", "wellbeing::chat", "integration", "privacy", "platform :: privacy"})
package org.mentorhub.notification;
