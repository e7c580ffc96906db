package org.mentorhub.report;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/** Reading the JSON twins of the home dashboards in tests: one field of every element of an array. */
final class TwinJson {

	private TwinJson() {
	}

	static List<String> texts(JsonNode array, String field) {
		List<String> values = new ArrayList<>();
		array.forEach(node -> values.add(node.get(field).asString()));
		return values;
	}

	static List<Long> longs(JsonNode array, String field) {
		List<Long> values = new ArrayList<>();
		array.forEach(node -> values.add(node.get(field).asLong()));
		return values;
	}

	static List<Integer> ints(JsonNode array, String field) {
		List<Integer> values = new ArrayList<>();
		array.forEach(node -> values.add(node.get(field).asInt()));
		return values;
	}

}
