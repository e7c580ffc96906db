/**
 * The consent register (issue 22 part 6): each consent a person gave (support chat, directory listing), when it
 * was given and withdrawn, kept in step by the owning modules' events; withdrawing here asks the owning module
 * to stop.
 */
package org.mentorhub.privacy.consent;
