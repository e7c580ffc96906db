package org.mentorhub.learning;

/** Which way a module moves: up or down. */
record MoveForm(String direction) {
}
