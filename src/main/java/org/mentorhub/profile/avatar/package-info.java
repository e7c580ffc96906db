/**
 * The avatar upload, removal and download endpoints (pages and API), over {@link org.mentorhub.profile.Avatars}.
 */
package org.mentorhub.profile.avatar;
