/**
 * Notifications by e-mail beside the app: the daily digest job and the purge of read notifications, each run once per cluster.
 */
package org.mentorhub.notification.email;
