package org.mentorhub.demo;

/** One demo account to print at start-up. */
record DemoLogin(String role, String email, String institution) {
}
