/**
 * The support chat for new mothers: consent, the crisis screen, replies from a configured model or curated ones, the mood trend and the retention purge. Its event is this named interface.
 */
@org.springframework.modulith.NamedInterface("chat")
package org.mentorhub.wellbeing.chat;
