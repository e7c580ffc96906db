/**
 * Microsoft 365: OAuth consent and tokens, Outlook events with Teams links, free/busy.
 */
package org.mentorhub.integration.microsoft;
